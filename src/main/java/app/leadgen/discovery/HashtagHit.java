package app.leadgen.discovery;

import java.util.List;

/** One hashtag returned by the search, with the owners of its top and latest posts. */
public record HashtagHit(String name, Long postsCount, List<String> postOwners) {}
