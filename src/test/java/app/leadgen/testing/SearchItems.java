package app.leadgen.testing;

import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

/** Builds search-actor answers in the hashtag-detail shape of contracts §1. */
public final class SearchItems {

    private final ArrayNode items = InstagramFake.JSON.createArrayNode();

    public static SearchItems create() {
        return new SearchItems();
    }

    /** A hashtag whose latest posts are owned by the given users (null = a post without owner). */
    public SearchItems hashtag(String name, long postsCount, String[] topOwners, String... latestOwners) {
        ObjectNode item = items.addObject();
        item.put("id", "1784385405105" + items.size());
        item.put("name", name);
        item.put("url", "https://www.instagram.com/explore/tags/" + name + "/");
        item.put("postsCount", postsCount);
        item.put("topPostsOnly", false);
        item.put("profilePicUrl", "https://scontent.example/tag.jpg");
        posts(item.putArray("topPosts"), name, topOwners);
        posts(item.putArray("latestPosts"), name, latestOwners);
        return this;
    }

    private static void posts(ArrayNode array, String tag, String[] owners) {
        int i = 0;
        for (String owner : owners) {
            ObjectNode post = array.addObject();
            post.put("id", "36976610213774071" + (i++));
            post.put("type", "Image");
            post.put("shortCode", "DNQux" + i);
            post.put("url", "https://www.instagram.com/p/DNQux" + i + "/");
            post.put("caption", "Training #" + tag);
            post.putArray("hashtags").add(tag);
            post.put("commentsCount", 9);
            post.put("likesCount", 2342);
            post.put("timestamp", "2025-08-12T16:19:28.000Z");
            if (owner != null) {
                post.put("ownerUsername", owner);
                post.put("ownerFullName", owner.toUpperCase());
                post.put("ownerId", "52881715" + i);
            }
        }
    }

    public String json() {
        return items.toString();
    }
}
