package app.leadgen.leads;

import static org.assertj.core.api.Assertions.assertThat;

import app.leadgen.testing.IntegrationTest;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * The leads table's writes and queries on the database (H2 here, PostgreSQL in the subclass):
 * idempotent findings, fill-only contact data, sorting with nulls last, paging, duplicates.
 */
class LeadTableTest extends IntegrationTest {

    private static final AtomicLong TAG = new AtomicLong();

    @Autowired
    LeadStore store;

    @Autowired
    LeadQuery query;

    @Autowired
    JdbcClient jdbc;

    long runA;
    long runB;
    String p; // a per-test username prefix: the database is shared by the test classes

    @BeforeEach
    void runs() {
        p = "t" + System.nanoTime() % 1_000_000 + TAG.incrementAndGet() + "_";
        runA = newRun();
        runB = newRun();
    }

    @Test
    void findingsAreStoredOncePerRunEvenWhenSavedAgain() {
        List<Finding> findings = List.of(
                new Finding("fit", p + "anna"), new Finding("fit", p + "ANNA"), new Finding("yoga", p + "anna"));

        assertThat(store.saveFindings(runA, "fit", findings)).isEqualTo(2);
        assertThat(store.saveFindings(runA, "fit", findings)).isZero();
        assertThat(store.countFindings(runA)).isEqualTo(2);
        assertThat(store.usernamesOfRun(runA)).containsExactly(p + "anna");
    }

    @Test
    void webSearchFillsOnlyEmptyFieldsAndRecordsItsSource() {
        store.saveFindings(runA, "fit", List.of(new Finding("fit", p + "ben")));
        store.saveProfile(
                new ProfileData(p + "ben", "Ben", "bio", "", null, "https://ben.de", 10L, 1L, 2L, false, "apify:x"));
        assertThat(store.usernamesMissingContact(List.of(p + "ben", p + "unknown")))
                .containsExactly(p + "ben", p + "unknown");

        store.fillMissingContact(
                p + "ben", new ContactData("ben@x.de", "+4930123456", "https://other.de"), "perplexity:sonar");

        LeadRow row = query.page(runA, 0, 10, "username", true).items().get(0);
        assertThat(row.email()).isEqualTo("ben@x.de");
        assertThat(row.emailSource()).isEqualTo("perplexity:sonar");
        assertThat(row.website()).isEqualTo("https://ben.de");
        assertThat(row.websiteSource()).isEqualTo("apify:x");
        assertThat(store.usernamesMissingContact(List.of(p + "ben"))).isEmpty();
    }

    @Test
    void aNewScrapeNeverErasesWhatWasKnown() {
        store.saveProfile(
                new ProfileData(p + "cara", "Cara", "old bio", "c@x.de", null, null, 5L, null, null, null, "apify:x"));
        store.saveProfile(
                new ProfileData(p + "cara", null, "new bio", "", null, null, 7L, null, null, null, "apify:x"));
        store.saveFindings(runA, "fit", List.of(new Finding("fit", p + "cara")));

        LeadRow row = query.page(runA, 0, 10, "username", true).items().get(0);
        assertThat(row.fullName()).isEqualTo("Cara");
        assertThat(row.bio()).isEqualTo("new bio");
        assertThat(row.email()).isEqualTo("c@x.de");
        assertThat(row.followers()).isEqualTo(7L);
    }

    @Test
    void sortsEveryWayWithEmptyValuesLastAndPages() {
        store.saveFindings(
                runA,
                "fit",
                List.of(
                        new Finding("fit", p + "a"),
                        new Finding("fit", p + "b"),
                        new Finding("fit", p + "c"),
                        new Finding("fit", p + "d")));
        store.saveProfile(new ProfileData(p + "a", "A", null, null, null, null, 300L, null, null, null, "s"));
        store.saveProfile(new ProfileData(p + "b", "B", null, null, null, null, 100L, null, null, null, "s"));
        store.saveProfile(new ProfileData(p + "c", "C", null, null, null, null, 200L, null, null, null, "s"));
        // d has no profile: no followers

        assertThat(usernames(query.page(runA, 0, 10, "followers", true)))
                .containsExactly(p + "b", p + "c", p + "a", p + "d");
        assertThat(usernames(query.page(runA, 0, 10, "followers", false)))
                .containsExactly(p + "a", p + "c", p + "b", p + "d");
        assertThat(usernames(query.page(runA, 1, 2, "followers", true))).containsExactly(p + "a", p + "d");
        assertThat(query.page(runA, 1, 2, "followers", true).total()).isEqualTo(4);
        for (String field : LeadQuery.sortableFields()) {
            assertThat(query.page(runA, 0, 10, field, false).items()).as(field).hasSize(4);
        }
    }

    @Test
    void aUsernameInMoreThanOneRowIsADuplicateAcrossRuns() {
        store.saveFindings(runA, "fit", List.of(new Finding("fit", p + "dup"), new Finding("fit", p + "solo")));
        store.saveFindings(runB, "yoga", List.of(new Finding("yoga", p + "dup")));

        List<LeadRow> rowsA = query.page(runA, 0, 10, "username", true).items();
        assertThat(rowsA)
                .extracting(LeadRow::username, LeadRow::duplicate, LeadRow::occurrences)
                .containsExactly(
                        org.assertj.core.groups.Tuple.tuple(p + "dup", true, 2),
                        org.assertj.core.groups.Tuple.tuple(p + "solo", false, 1));
        assertThat(query.page(runB, 0, 10, "duplicate", false).items().get(0).duplicate())
                .isTrue();
    }

    @Test
    void hostileTextIsStoredAsIs() {
        String bio = "<script>alert('x')</script> =HYPERLINK(\"http://evil\") ' OR 1=1 --";
        store.saveFindings(runA, "fit", List.of(new Finding("fit", p + "evil")));
        store.saveProfile(new ProfileData(
                p + "evil", "Robert'); DROP TABLE leads;--", bio, null, null, null, null, null, null, null, "s"));

        LeadRow row = query.page(runA, 0, 10, "bio", true).items().get(0);
        assertThat(row.bio()).isEqualTo(bio);
        assertThat(row.fullName()).isEqualTo("Robert'); DROP TABLE leads;--");
    }

    private long newRun() {
        jdbc.sql(
                        "insert into runs (source, keyword, status, stage, created_at) values ('instagram', 'k', 'COMPLETED', 'DONE', current_timestamp)")
                .update();
        return jdbc.sql("select max(id) from runs").query(Long.class).single();
    }

    private static List<String> usernames(LeadPage page) {
        return page.items().stream().map(LeadRow::username).toList();
    }
}
