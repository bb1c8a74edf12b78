package app.leadgen.leads;

import static org.assertj.core.api.Assertions.assertThat;

import app.leadgen.testing.Api;
import app.leadgen.testing.IntegrationTest;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.atomic.AtomicLong;
import java.util.stream.IntStream;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import tools.jackson.databind.JsonNode;

/**
 * Paging by key ({@code next} / {@code cursor=}) and the stored duplicate count, on H2 here and on
 * PostgreSQL in the subclass.
 */
class CursorPagingTest extends IntegrationTest {

    private static final AtomicLong TAG = new AtomicLong();

    @LocalServerPort
    int port;

    @Autowired
    LeadStore store;

    @Autowired
    LeadQuery query;

    @Autowired
    JdbcClient jdbc;

    String p;
    long run;

    @BeforeEach
    void seed() {
        p = "c" + System.nanoTime() % 1_000_000 + TAG.incrementAndGet() + "_";
        run = newRun();
        List<Finding> findings = new ArrayList<>();
        for (int i = 0; i < 11; i++) {
            findings.add(new Finding("tag" + (i % 3), p + "u" + i));
        }
        store.saveFindings(run, "k", findings);
        // some with profile values (and equal values, so the id decides), some without (empty: last)
        for (int i = 0; i < 7; i++) {
            store.saveProfile(new ProfileData(
                    p + "u" + i,
                    "Name " + (i % 2),
                    "bio " + i,
                    null,
                    null,
                    null,
                    (long) (i % 3) * 10,
                    null,
                    null,
                    null,
                    "apify:x"));
        }
    }

    @Test
    void everySortWalkedByCursorGivesTheSameRowsAsOnePage() {
        for (String field : LeadQuery.sortableFields()) {
            for (boolean asc : new boolean[] {true, false}) {
                List<Long> whole =
                        ids(query.page(run, null, null, 0, 100, field, asc).items());
                List<Long> walked = new ArrayList<>();
                String cursor = null;
                int pages = 0;
                do {
                    LeadPage page = query.page(run, null, cursor, 0, 3, field, asc);
                    walked.addAll(ids(page.items()));
                    cursor = page.next();
                    pages++;
                } while (cursor != null && pages < 20);
                assertThat(walked).as(field + (asc ? " asc" : " desc")).isEqualTo(whole);
                assertThat(whole).hasSize(11);
                // page= (OFFSET) agrees with the cursor
                assertThat(ids(query.page(run, null, null, 1, 3, field, asc).items()))
                        .as(field + " page 1")
                        .isEqualTo(whole.subList(3, 6));
            }
        }
    }

    @Test
    void cursorPagingReturnsEveryRowExactlyOnceWhileRowsAreAdded() {
        List<Long> before =
                ids(query.page(run, null, null, 0, 100, "foundAt", false).items());
        for (String field : List.of("foundAt", "username", "followers", "id")) {
            List<Long> walked = new ArrayList<>();
            String cursor = null;
            int added = 0;
            do {
                LeadPage page = query.page(run, null, cursor, 0, 2, field, false);
                walked.addAll(ids(page.items()));
                cursor = page.next();
                // a run goes on meanwhile: new rows land before and after the cursor
                store.saveFindings(run, "k", List.of(new Finding("late", p + field + "late" + added++)));
                store.saveProfile(new ProfileData(
                        p + field + "late" + (added - 1),
                        null,
                        null,
                        null,
                        null,
                        null,
                        (long) added * 7,
                        null,
                        null,
                        null,
                        "apify:x"));
            } while (cursor != null && added < 60);
            assertThat(walked).as(field).doesNotHaveDuplicates().containsAll(before);
        }
    }

    @Test
    void theApiAnswersNextAndTakesItBackAndRefusesAForeignCursor() {
        Api api = new Api(port);
        JsonNode first =
                api.get("/api/leads?runId=" + run + "&size=4&sort=username,asc").json();
        assertThat(first.path("total").asLong()).isEqualTo(11);
        assertThat(first.path("totalIsEstimate").asBoolean()).isFalse();
        String next = first.path("next").asString();
        assertThat(next).isNotBlank();

        JsonNode second = api.get("/api/leads?runId=" + run + "&size=4&sort=username,asc&cursor=" + next)
                .json();
        assertThat(second.path("items").get(0).path("username").asString()).isEqualTo(p + "u3");

        Api.Reply foreign = api.get("/api/leads?runId=" + run + "&size=4&sort=email,asc&cursor=" + next);
        assertThat(foreign.status()).isEqualTo(400);
        assertThat(foreign.body()).contains("Cursor");
        assertThat(api.get("/api/leads?cursor=kaputt").status()).isEqualTo(400);
    }

    @Test
    void theDuplicateCountIsRightAfterConcurrentRuns() throws Exception {
        int runs = 4;
        List<Long> ids = IntStream.range(0, runs).mapToObj(i -> newRun()).toList();
        CyclicBarrier start = new CyclicBarrier(runs);
        List<CompletableFuture<Void>> all = new ArrayList<>();
        for (int r = 0; r < runs; r++) {
            long id = ids.get(r);
            int offset = r;
            all.add(CompletableFuture.runAsync(() -> {
                try {
                    start.await();
                } catch (Exception e) {
                    throw new IllegalStateException(e);
                }
                // every run finds the shared names (in its own order) and one of its own
                for (int batch = 0; batch < 3; batch++) {
                    List<Finding> found = new ArrayList<>();
                    for (int i = 0; i < 5; i++) {
                        found.add(new Finding("h" + batch, p + "shared" + ((i + offset) % 5)));
                    }
                    found.add(new Finding("h" + batch, p + "own" + offset));
                    store.saveFindings(id, "k", found);
                }
            }));
        }
        CompletableFuture.allOf(all.toArray(CompletableFuture[]::new)).get();

        Map<String, Integer> expected = new HashMap<>();
        jdbc.sql("select username, count(*) from leads where username like :p group by username")
                .param("p", p + "%")
                .query((rs, n) -> expected.put(rs.getString(1), rs.getInt(2)))
                .list();
        assertThat(expected.get(p + "shared0")).isEqualTo(runs * 3);
        assertThat(expected.get(p + "own0")).isEqualTo(3);
        for (long id : ids) {
            for (LeadRow row :
                    query.page(id, null, null, 0, 100, "username", true).items()) {
                assertThat(row.occurrences()).as(row.username()).isEqualTo(expected.get(row.username()));
                assertThat(row.duplicate()).isTrue();
            }
        }
        // sorted by the duplicate count: the shared names first
        List<LeadRow> byCount =
                query.page(ids.get(0), null, null, 0, 100, "duplicate", false).items();
        assertThat(byCount.get(0).occurrences()).isEqualTo(runs * 3);
        assertThat(byCount.get(byCount.size() - 1).occurrences()).isEqualTo(3);
    }

    private long newRun() {
        jdbc.sql("insert into runs (source, keyword, status, stage, created_at)"
                        + " values ('instagram', 'k', 'COMPLETED', 'DONE', current_timestamp)")
                .update();
        return jdbc.sql("select max(id) from runs").query(Long.class).single();
    }

    private static List<Long> ids(List<LeadRow> rows) {
        return rows.stream().map(LeadRow::id).toList();
    }
}
