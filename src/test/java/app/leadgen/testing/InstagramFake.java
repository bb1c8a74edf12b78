package app.leadgen.testing;

import com.github.tomakehurst.wiremock.extension.ResponseDefinitionTransformerV2;
import com.github.tomakehurst.wiremock.http.ResponseDefinition;
import com.github.tomakehurst.wiremock.stubbing.ServeEvent;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * A fake of the Apify profile actor that answers per request: for every username in the input it
 * returns the profile registered for it (snake_case, as the spec's actor does), or nothing for
 * accounts it does not know, like a private or deleted profile. Usernames marked as failing make
 * the whole call answer with the given Apify error.
 */
public final class InstagramFake implements ResponseDefinitionTransformerV2 {

    static final JsonMapper JSON = JsonMapper.builder().build();

    private final Map<String, JsonNode> profiles = new ConcurrentHashMap<>();
    private final Map<String, Integer> failing = new ConcurrentHashMap<>();
    private final List<JsonNode> inputs = java.util.Collections.synchronizedList(new ArrayList<>());

    @Override
    public String getName() {
        return "instagram-profile-actor";
    }

    @Override
    public boolean applyGlobally() {
        return false;
    }

    public void reset() {
        profiles.clear();
        failing.clear();
        inputs.clear();
    }

    /** Registers a profile in the snake_case shape of actor 8WEn9FvZnhE7lM3oA. */
    public void profile(
            String username, String fullName, String bio, String email, String phone, String website, long followers) {
        ObjectNode item = JSON.createObjectNode();
        item.put("username", username);
        item.put("full_name", fullName);
        item.put("biography", bio);
        item.put("public_email", email == null ? "" : email);
        item.put("contact_phone_number", phone == null ? "" : phone);
        item.put("external_url", website == null ? "" : website);
        item.put("follower_count", followers);
        item.put("following_count", 120);
        item.put("media_count", 48);
        item.put("is_verified", false);
        item.put("profile_pic_url", "https://scontent.example/" + username + ".jpg");
        profiles.put(username.toLowerCase(), item);
    }

    /** Registers a profile in the camelCase shape of apify/instagram-profile-scraper. */
    public void camelCaseProfile(String username, String fullName, String bio, String website, long followers) {
        ObjectNode item = JSON.createObjectNode();
        item.put("inputUrl", "https://www.instagram.com/" + username);
        item.put("username", username);
        item.put("url", "https://www.instagram.com/" + username);
        item.put("fullName", fullName);
        item.put("biography", bio);
        item.put("externalUrl", website);
        item.put("followersCount", followers);
        item.put("followsCount", 80);
        item.put("postsCount", 10);
        item.put("verified", false);
        item.put("businessCategoryName", "None");
        profiles.put(username.toLowerCase(), item);
    }

    /** Any call that includes this username answers with the given HTTP status. */
    public void failFor(String username, int status) {
        failing.put(username.toLowerCase(), status);
    }

    /** The actor inputs received, in order. */
    public List<JsonNode> inputs() {
        synchronized (inputs) {
            return List.copyOf(inputs);
        }
    }

    @Override
    public ResponseDefinition transform(ServeEvent event) {
        JsonNode input = JSON.readTree(event.getRequest().getBodyAsString());
        inputs.add(input);
        ArrayNode out = JSON.createArrayNode();
        for (JsonNode u : input.path("usernames")) {
            String username = u.asString().toLowerCase();
            Integer status = failing.get(username);
            if (status != null) {
                return new com.github.tomakehurst.wiremock.client.ResponseDefinitionBuilder()
                        .withStatus(status)
                        .withHeader("Content-Type", "application/json")
                        .withBody(ApifyBodies.error(status))
                        .withFixedDelay(event.getResponseDefinition().getFixedDelayMilliseconds())
                        .build();
            }
            JsonNode profile = profiles.get(username);
            if (profile != null) {
                out.add(profile);
            }
        }
        return new com.github.tomakehurst.wiremock.client.ResponseDefinitionBuilder()
                .withStatus(201)
                .withHeader("Content-Type", "application/json; charset=utf-8")
                .withBody(out.toString())
                .withFixedDelay(event.getResponseDefinition().getFixedDelayMilliseconds())
                .build();
    }
}
