package app.leadgen.enrichment.profile;

import app.leadgen.apify.ApifyClient;
import app.leadgen.enrichment.ProfileScraper;
import app.leadgen.leads.ProfileData;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.springframework.stereotype.Component;
import tools.jackson.databind.JsonNode;

/**
 * Profiles through the Apify actor {@code APIFY_PROFILE_ACTOR}. The input carries both names the
 * known profile actors take ({@code instagram_ids} as profile URLs for the spec's email/phone
 * scraper, {@code usernames} for apify/instagram-profile-scraper); the output is read in both
 * shapes, snake_case and camelCase (contracts §1).
 */
@Component
class ApifyProfileScraper implements ProfileScraper {

    private final ApifyClient apify;

    ApifyProfileScraper(ApifyClient apify) {
        this.apify = apify;
    }

    @Override
    public int batchSize() {
        return Math.max(1, apify.properties().profileBatchSize());
    }

    @Override
    public Map<String, ProfileData> scrape(List<String> usernames, String sessionId) {
        Map<String, Object> input = new LinkedHashMap<>();
        input.put(
                "instagram_ids",
                usernames.stream().map(u -> "https://www.instagram.com/" + u).toList());
        input.put("usernames", usernames);
        if (sessionId != null && !sessionId.isBlank()) {
            input.put("SessionID", sessionId);
        }
        String actor = apify.properties().profileActor();
        List<JsonNode> items = apify.runActor(actor, input);
        Map<String, ProfileData> byUsername = new LinkedHashMap<>();
        for (JsonNode item : items) {
            ProfileData data = ProfileItems.read(item, "apify:" + actor);
            if (data != null) {
                byUsername.putIfAbsent(data.username(), data);
            }
        }
        return byUsername;
    }
}
