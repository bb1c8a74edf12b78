package app.leadgen.runs;

import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathMatching;
import static org.assertj.core.api.Assertions.assertThat;

import app.leadgen.support.SecretBox;
import app.leadgen.testing.Api;
import app.leadgen.testing.Fakes;
import app.leadgen.testing.IntegrationTest;
import app.leadgen.testing.RunFinishedRecorder;
import app.leadgen.testing.SearchItems;
import java.sql.Timestamp;
import java.time.Instant;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import tools.jackson.databind.JsonNode;

/**
 * A queued Instagram run whose stored session was sealed under another {@code SECRET_KEY} (changed
 * since, or another instance with a different key) fails with {@code run.error.session-unreadable}
 * before it calls Apify: scraping without the session would quietly find less.
 */
class UnreadableSessionTest extends IntegrationTest {

    @LocalServerPort
    int port;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    RunQueue queue;

    @Autowired
    RunFinishedRecorder finished;

    @Test
    void aSessionSealedUnderAnotherKeyFailsTheRunWithoutCallingApify() {
        Fakes.searchAnswers(SearchItems.create()
                .hashtag("versiegelt", 1, new String[] {}, "sealed_owner")
                .json());
        String sealedElsewhere = new SecretBox("other-key").seal("IGSESSION-1234");
        long id = queued("versiegelt", sealedElsewhere);

        queue.enqueue(id);
        Api api = new Api(port);
        JsonNode run = api.awaitFinished(id);

        assertThat(run.path("status").asString()).as(run.toString()).isEqualTo("FAILED");
        assertThat(run.path("error").asString())
                .contains("Instagram-Session", "nicht entschlüsseln", "SECRET_KEY")
                .doesNotContain("IGSESSION");
        assertThat(new Api(port)
                        .get("/api/runs/" + id + "?lang=en")
                        .json()
                        .path("error")
                        .asString())
                .contains("cannot be decrypted", "SECRET_KEY");
        assertThat(Fakes.APIFY.findAll(postRequestedFor(urlPathMatching("/v2/acts/.*"))))
                .as("no scraper call without the session")
                .isEmpty();
        assertThat(run.path("calls").path("apify").asInt()).isZero();
        assertThat(jdbc.sql("select session_secret from runs where id = :id")
                        .param("id", id)
                        .query()
                        .singleRow()
                        .get("session_secret"))
                .as("the unreadable secret is erased with the run's end")
                .isNull();
        assertThat(finished.of(id))
                .singleElement()
                .extracting(RunFinished::status)
                .isEqualTo(RunStatus.FAILED);
    }

    @Test
    void aSessionSealedUnderThisKeyIsUsed() {
        // the same path with a readable secret: the failure above is the key, not the stored row
        Fakes.searchAnswers(SearchItems.create()
                .hashtag("lesbar", 1, new String[] {}, "readable_owner")
                .json());
        Fakes.INSTAGRAM.profile("readable_owner", "Lesbar", "", "l@lesbar.de", "+4930123123", "", 1);
        long id = queued("lesbar", new SecretBox("test-secret-key").seal("IGSESSION-5678"));

        queue.enqueue(id);
        JsonNode run = new Api(port).awaitFinished(id);

        assertThat(run.path("status").asString()).as(run.toString()).isEqualTo("COMPLETED");
        assertThat(Fakes.APIFY.findAll(postRequestedFor(urlPathEqualTo(Fakes.SEARCH_PATH))))
                .isNotEmpty() // a cold fake may see a retried request twice
                .allSatisfy(r -> assertThat(r.getBodyAsString()).contains("\"SessionID\":\"IGSESSION-5678\""));
    }

    /** A run row as {@code POST /api/runs} leaves it, before its job starts. */
    private long queued(String keyword, String sealedSecret) {
        jdbc.sql("insert into runs (source, keyword, status, stage, session_secret, created_at)"
                        + " values ('instagram', :keyword, 'QUEUED', 'QUEUED', :secret, :now)")
                .param("keyword", keyword)
                .param("secret", sealedSecret)
                .param("now", Timestamp.from(Instant.now()))
                .update();
        return jdbc.sql("select max(id) from runs").query(Long.class).single();
    }
}
