package app.leadgen.instagram;

import app.leadgen.discovery.HashtagHit;
import app.leadgen.leads.Finding;
import app.leadgen.leads.LeadStore;
import app.leadgen.support.Texts;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/** Keeps a crawl's hashtags and findings until the user has chosen, then releases the chosen ones. */
@Component
class HashtagSelection {

    /** A hashtag as the user sees it when choosing. */
    record Choice(String name, Long posts, int usernames, int newUsernames, boolean selected) {}

    private final JdbcClient jdbc;
    private final LeadStore leads;

    HashtagSelection(JdbcClient jdbc, LeadStore leads) {
        this.jdbc = jdbc;
        this.leads = leads;
    }

    void hold(long runId, List<HashtagHit> hits, List<Finding> findings) {
        Map<String, Set<String>> byTag = new LinkedHashMap<>();
        for (Finding f : findings) {
            byTag.computeIfAbsent(f.hashtag(), t -> new HashSet<>()).add(f.username());
            jdbc.sql("insert into run_candidates (run_id, hashtag, username) values (:run, :tag, :user)")
                    .param("run", runId)
                    .param("tag", clip(f.hashtag()))
                    .param("user", f.username())
                    .update();
        }
        Set<String> known =
                leads.knownUsernames(findings.stream().map(Finding::username).toList());
        Set<String> stored = new HashSet<>();
        for (HashtagHit hit : hits) {
            String name = hit.name() == null ? "" : hit.name().trim();
            if (name.isEmpty() || !stored.add(clip(name))) {
                continue;
            }
            Set<String> users = byTag.getOrDefault(name, Set.of());
            int fresh = (int) users.stream().filter(u -> !known.contains(u)).count();
            jdbc.sql(
                            "insert into run_hashtags (run_id, name, posts, usernames, new_usernames) values (:run, :name, :posts, :n, :fresh)")
                    .param("run", runId)
                    .param("name", clip(name))
                    .param("posts", hit.postsCount())
                    .param("n", users.size())
                    .param("fresh", fresh)
                    .update();
        }
    }

    List<Choice> choices(long runId) {
        return jdbc.sql("select name, posts, usernames, new_usernames, selected from run_hashtags where run_id = :run"
                        + " order by usernames desc, name")
                .param("run", runId)
                .query((rs, n) -> new Choice(
                        rs.getString(1),
                        (Long) rs.getObject(2, Long.class),
                        rs.getInt(3),
                        rs.getInt(4),
                        rs.getBoolean(5)))
                .list();
    }

    /** Marks the chosen hashtags and returns their findings (for the leads table). */
    List<Finding> choose(long runId, List<String> selected) {
        for (String name : selected) {
            jdbc.sql("update run_hashtags set selected = true where run_id = :run and name = :name")
                    .param("run", runId)
                    .param("name", name)
                    .update();
        }
        return jdbc.sql("select c.hashtag, c.username from run_candidates c join run_hashtags h"
                        + " on h.run_id = c.run_id and h.name = c.hashtag where c.run_id = :run and h.selected = true")
                .param("run", runId)
                .query((rs, n) -> new Finding(rs.getString(1), rs.getString(2)))
                .list();
    }

    private static String clip(String s) {
        return Texts.clip(s, 200);
    }
}
