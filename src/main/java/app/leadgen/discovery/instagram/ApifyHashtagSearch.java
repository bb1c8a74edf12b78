package app.leadgen.discovery.instagram;

import app.leadgen.apify.ApifyClient;
import app.leadgen.discovery.HashtagHit;
import app.leadgen.discovery.HashtagSearch;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.springframework.stereotype.Component;
import tools.jackson.databind.JsonNode;

/**
 * Hashtag search through the Apify Instagram Search Scraper ({@code APIFY_SEARCH_ACTOR}). Input per
 * contracts §1: {@code search}, {@code searchType=hashtag}, {@code searchLimit}; the session id goes
 * along as {@code SessionID}, the input name the spec's actors use (actors ignore unknown input).
 * Also reads the per-post shape of the hashtag scraper ({@code ownerUsername} + {@code hashtags}),
 * in case an operator points {@code APIFY_SEARCH_ACTOR} at that actor.
 */
@Component
class ApifyHashtagSearch implements HashtagSearch {

    private final ApifyClient apify;

    ApifyHashtagSearch(ApifyClient apify) {
        this.apify = apify;
    }

    @Override
    public List<HashtagHit> search(String keyword, String sessionId) {
        Map<String, Object> input = new LinkedHashMap<>();
        input.put("search", keyword);
        input.put("searchType", "hashtag");
        input.put("searchLimit", apify.properties().searchLimit());
        if (sessionId != null && !sessionId.isBlank()) {
            input.put("SessionID", sessionId);
        }
        List<JsonNode> items = apify.runActor(apify.properties().searchActor(), input);
        return toHits(items, keyword);
    }

    static List<HashtagHit> toHits(List<JsonNode> items, String keyword) {
        List<HashtagHit> hits = new ArrayList<>();
        Map<String, List<String>> perPostItems = new LinkedHashMap<>();
        for (JsonNode item : items) {
            if (item.has("latestPosts") || item.has("topPosts")) {
                List<String> owners = new ArrayList<>();
                collectOwners(item.path("topPosts"), owners);
                collectOwners(item.path("latestPosts"), owners);
                String name = text(item, "name");
                Long posts = item.path("postsCount").isNumber()
                        ? item.path("postsCount").asLong()
                        : null;
                hits.add(new HashtagHit(name, posts, owners));
            } else if (item.has("ownerUsername")) {
                // hashtag-scraper shape: one item per post of the searched hashtag
                perPostItems.computeIfAbsent(keyword, t -> new ArrayList<>()).add(text(item, "ownerUsername"));
            }
        }
        perPostItems.forEach((tag, owners) -> hits.add(new HashtagHit(tag, null, owners)));
        return hits;
    }

    private static void collectOwners(JsonNode posts, List<String> owners) {
        if (!posts.isArray()) {
            return;
        }
        for (JsonNode post : posts) {
            String owner = text(post, "ownerUsername");
            if (owner != null && !owner.isBlank()) {
                owners.add(owner);
            }
        }
    }

    private static String text(JsonNode node, String field) {
        JsonNode value = node.path(field);
        return value.isString() ? value.asString() : null;
    }
}
