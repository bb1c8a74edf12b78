package app.leadgen.testing;

import app.leadgen.leads.Finding;
import app.leadgen.leads.LeadStore;
import app.leadgen.leads.ProfileData;
import java.util.List;
import org.springframework.jdbc.core.simple.JdbcClient;

/** Puts leads into the database the way a finished run leaves them, without running one. */
public final class TestLeads {

    private final JdbcClient jdbc;
    private final LeadStore store;

    public TestLeads(JdbcClient jdbc, LeadStore store) {
        this.jdbc = jdbc;
        this.store = store;
    }

    public long run(String keyword) {
        jdbc.sql("insert into runs (source, keyword, status, stage, created_at)"
                        + " values ('instagram', :k, 'COMPLETED', 'DONE', current_timestamp)")
                .param("k", keyword)
                .update();
        return jdbc.sql("select max(id) from runs").query(Long.class).single();
    }

    public void lead(long runId, String hashtag, String username, String fullName, String bio, String email) {
        String keyword = jdbc.sql("select keyword from runs where id = :id")
                .param("id", runId)
                .query(String.class)
                .single();
        store.saveFindings(runId, keyword, List.of(new Finding(hashtag, username)));
        store.saveProfile(new ProfileData(
                username,
                fullName,
                bio,
                email,
                "+4930123456",
                "https://" + username + ".de",
                1200L,
                10L,
                5L,
                false,
                "apify:test"));
    }
}
