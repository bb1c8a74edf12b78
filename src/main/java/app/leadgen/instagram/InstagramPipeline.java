package app.leadgen.instagram;

import app.leadgen.apify.ApifyClient;
import app.leadgen.runs.Counts;
import app.leadgen.runs.Pipeline;
import app.leadgen.runs.RunContext;
import app.leadgen.runs.RunRequest;
import app.leadgen.runs.StartRequest;
import app.leadgen.runs.Text;
import app.leadgen.support.ApiProblem;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Component;
import tools.jackson.databind.JsonNode;

/**
 * The Instagram source (seed 000): hashtag crawl → flatten and dedupe → profiles → web search →
 * the accounts' own websites. This class is what the run lifecycle sees; {@link InstagramRun} does
 * the work.
 */
@Component
class InstagramPipeline implements Pipeline {

    static final String SOURCE = "instagram";
    static final String CRAWL = "CRAWL";
    static final String PROFILES = "PROFILES";
    static final String WEBSEARCH = "WEBSEARCH";
    static final String WEBSITES = "WEBSITES";
    static final String SELECT_HASHTAGS = "selectHashtags";

    private final ApifyClient apify;
    private final InstagramSession session;
    private final InstagramRun work;
    private final HashtagSelection selection;
    private final RunBatches batches;

    InstagramPipeline(
            ApifyClient apify,
            InstagramSession session,
            InstagramRun work,
            HashtagSelection selection,
            RunBatches batches) {
        this.apify = apify;
        this.session = session;
        this.work = work;
        this.selection = selection;
        this.batches = batches;
    }

    @Override
    public String source() {
        return SOURCE;
    }

    @Override
    public List<String> stages() {
        return List.of(CRAWL, PROFILES, WEBSEARCH, WEBSITES);
    }

    @Override
    public List<String> counters() {
        return Counter.names();
    }

    @Override
    public List<String> services() {
        return List.of("apify", "perplexity");
    }

    @Override
    public RunRequest prepare(StartRequest request) {
        String keyword = Keywords.valid(request.text("keyword"));
        String explicit = request.text("sessionId");
        if (explicit != null && explicit.length() > InstagramSession.MAX_LENGTH) {
            throw ApiProblem.badRequest("problem.session.too-long", InstagramSession.MAX_LENGTH);
        }
        if (!apify.configured()) {
            throw new ApiProblem(HttpStatus.CONFLICT, "problem.runs.apify-missing");
        }
        JsonNode select = request.body().get(SELECT_HASHTAGS);
        boolean selectHashtags = select != null && select.asBoolean(false);
        return new RunRequest(
                keyword,
                selectHashtags ? Map.of(SELECT_HASHTAGS, "true") : Map.of(),
                session.resolve(explicit, request.session()));
    }

    @Override
    public Outcome run(RunContext run) {
        return work.execute(run);
    }

    @Override
    public void help(RunContext run, int bounce) {
        work.help(run, bounce);
    }

    @Override
    public void heartbeat(RunContext run) {
        work.heartbeat(run);
    }

    @Override
    public void beforeResume(long runId) {
        batches.forget(runId);
    }

    @Override
    public String resumeSecret(Function<String, Object> attributes) {
        return session.resolve(null, attributes);
    }

    @Override
    public Map<String, Object> details(long runId, Map<String, String> params) {
        return Map.of("hashtags", selection.choices(runId));
    }

    @Override
    public Description describe(String stage, Counts c) {
        int profilesDone = c.get("profilesEnriched")
                + c.get("profilesNotFound")
                + c.get("profilesFailed")
                + c.get("profilesCached");
        int searched = c.get("websearchDone") + c.get("websearchFailed");
        Text profiles = c.get("batches") > 1
                ? Text.of(
                        "run.detail.profiles-batch",
                        profilesDone,
                        c.get("usernames"),
                        c.get("profilesEnriched"),
                        c.get("profilesNotFound"),
                        c.get("profilesFailed"),
                        c.get("profilesCached"),
                        c.get("batch"),
                        c.get("batches"))
                : Text.of(
                        "run.detail.profiles",
                        profilesDone,
                        c.get("usernames"),
                        c.get("profilesEnriched"),
                        c.get("profilesNotFound"),
                        c.get("profilesFailed"),
                        c.get("profilesCached"));
        int reached = "DONE".equals(stage) ? stages().size() : stages().indexOf(stage);
        List<Text> texts = java.util.Arrays.asList(
                reached >= 0
                        ? Text.of("run.detail.crawl", c.get("hashtags"), c.get("findings"), c.get("usernames"))
                        : null,
                reached >= 1 ? profiles : null,
                // the web search overlaps the profiles: it has something to say as soon as it started
                reached >= 2 || c.get("websearchTotal") > 0
                        ? Text.of("run.detail.websearch", searched, c.get("websearchTotal"), c.get("websearchFailed"))
                        : null,
                reached >= 3 ? Text.of("run.detail.websites", c.get("sitesChecked"), c.get("emailsFound")) : null);
        int progress =
                switch (stage) {
                    case CRAWL -> 10;
                    case PROFILES -> 15 + share(55, profilesDone, c.get("usernames"));
                    case WEBSEARCH -> 70 + share(25, searched, c.get("websearchTotal"));
                    case WEBSITES -> 95;
                    default -> 5;
                };
        return new Description(
                texts,
                progress,
                Text.of("run.costs.instagram", c.calls("apify"), c.calls("perplexity"), c.get("cacheHits")),
                Text.of("run.summary.instagram", c.get("findings"), c.get("usernames")));
    }

    private static int share(int weight, int done, int total) {
        return total <= 0 ? 0 : Math.round(weight * Math.min(1f, done / (float) total));
    }
}
