package app.leadgen.export;

import static org.assertj.core.api.Assertions.assertThat;

import app.leadgen.leads.Finding;
import app.leadgen.leads.LeadRow;
import app.leadgen.leads.LeadSort;
import app.leadgen.leads.LeadStore;
import app.leadgen.testing.IntegrationTest;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

/** The page-by-page read behind every export. */
class LeadPagesTest extends IntegrationTest {

    @Autowired
    LeadPages pages;

    @Autowired
    LeadStore store;

    @Autowired
    JdbcClient jdbc;

    @Test
    void readsEveryRowOnceInPagesOfTheConfiguredSize() {
        ExportFixtures fixtures = new ExportFixtures(store, jdbc);
        long run = fixtures.seedRun();
        List<Integer> sizes = new ArrayList<>();
        List<String> keys = new ArrayList<>();

        pages.forEachPage(run, new LeadSort("username", true), page -> {
            sizes.add(page.size());
            page.forEach(row -> keys.add(key(row)));
        });

        assertThat(sizes).containsExactly(7, 6);
        assertThat(keys).hasSize(13).doesNotHaveDuplicates();
        assertThat(keys.stream().map(key -> key.substring(0, key.indexOf('|'))).toList())
                .isSorted();
    }

    @Test
    void rowsAddedByARunDuringTheExportNeitherShiftNorRepeatRows() {
        ExportFixtures fixtures = new ExportFixtures(store, jdbc);
        long run = fixtures.seedRun();
        List<String> keys = new ArrayList<>();

        // newest first: a row found meanwhile sorts to the top and would push row 7 onto page 2
        pages.forEachPage(run, new LeadSort("foundAt", false), page -> {
            if (keys.isEmpty()) {
                CompletableFuture.runAsync(() ->
                                store.saveFindings(run, "Größe", List.of(new Finding("later", fixtures.p + "later"))))
                        .join();
            }
            page.stream().map(LeadPagesTest::key).forEach(keys::add);
        });

        assertThat(keys).hasSize(13).doesNotHaveDuplicates().noneMatch(key -> key.startsWith(fixtures.p + "later"));
        assertThat(store.countFindings(run)).as("the new row was stored").isEqualTo(14);
    }

    /** A row's identity: a username occurs once per hashtag. */
    private static String key(LeadRow row) {
        return row.username() + "|" + row.hashtag();
    }
}
