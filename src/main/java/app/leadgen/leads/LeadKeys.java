package app.leadgen.leads;

import java.util.ArrayList;
import java.util.Collection;
import java.util.HashSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * Keeps what the leads table sorts and flags by stored on the findings, in the writer's
 * transaction: the occurrences of a username over all runs (the duplicate flag) and copies of the
 * profile's or place's sortable values. Reading a page then needs no {@code group by} and no
 * {@code coalesce()} over joins, only an index.
 *
 * <p>Concurrent runs: a writer of a username's findings or profile first locks the username's row
 * in {@code lead_usernames} (in name order, so two writers never wait for each other in a circle),
 * then recounts. The lock is held until its transaction ends, so the last writer recounts after the
 * others committed and sees all their rows.
 */
@Component
class LeadKeys {

    private static final int CHUNK = 500;

    private static final String PROFILE_KEYS =
            """
            update leads set
                sort_full_name = (select left(p.full_name, 200) from ig_profiles p where p.username = leads.username),
                sort_bio = (select left(p.bio, 200) from ig_profiles p where p.username = leads.username),
                sort_email = (select p.email from ig_profiles p where p.username = leads.username),
                sort_phone = (select p.phone from ig_profiles p where p.username = leads.username),
                sort_website = (select left(p.website, 200) from ig_profiles p where p.username = leads.username),
                sort_followers = (select p.followers from ig_profiles p where p.username = leads.username),
                sort_sent_at = (select p.sent_at from ig_profiles p where p.username = leads.username)
            where username in (:names)
            """;

    private static final String PLACE_KEYS =
            """
            update leads set
                sort_name = (select pl.name from places pl where pl.place_id = leads.place_id),
                sort_email = (select pl.email from places pl where pl.place_id = leads.place_id),
                sort_phone = (select pl.phone from places pl where pl.place_id = leads.place_id),
                sort_website = (select left(pl.website, 200) from places pl where pl.place_id = leads.place_id),
                sort_category = (select pl.category from places pl where pl.place_id = leads.place_id),
                sort_city = (select pl.city from places pl where pl.place_id = leads.place_id),
                sort_rating = (select pl.rating from places pl where pl.place_id = leads.place_id),
                sort_review_count = (select pl.review_count from places pl where pl.place_id = leads.place_id),
                sort_status = (select pl.status from places pl where pl.place_id = leads.place_id),
                sort_score = (select pl.score from places pl where pl.place_id = leads.place_id)
            where place_id in (:ids)
            """;

    private final JdbcClient jdbc;

    LeadKeys(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** After findings of these usernames were added: lock, recount, copy the profiles' sort values. */
    void findingsAdded(Collection<String> usernames) {
        for (List<String> chunk : chunks(usernames)) {
            lock(chunk);
            jdbc.sql("update leads set occurrences = (select count(*) from leads x where x.username = leads.username)"
                            + " where username in (:names)")
                    .param("names", chunk)
                    .update();
            jdbc.sql("update lead_usernames set occurrences ="
                            + " (select count(*) from leads x where x.username = lead_usernames.username)"
                            + " where username in (:names)")
                    .param("names", chunk)
                    .update();
            jdbc.sql(PROFILE_KEYS).param("names", chunk).update();
        }
    }

    /** After a profile was written (in the same transaction): its findings get its sort values. */
    void profileChanged(Collection<String> usernames) {
        for (List<String> chunk : chunks(usernames)) {
            lock(chunk);
            jdbc.sql(PROFILE_KEYS).param("names", chunk).update();
        }
    }

    /** After places or their findings were written: the findings get the places' sort values. */
    void placesChanged(Collection<String> placeIds) {
        List<String> ids = placeIds.stream().filter(Objects::nonNull).distinct().toList();
        for (int i = 0; i < ids.size(); i += CHUNK) {
            jdbc.sql(PLACE_KEYS)
                    .param("ids", ids.subList(i, Math.min(ids.size(), i + CHUNK)))
                    .update();
        }
    }

    /** After every finding of a username was deleted. */
    void usernameGone(String username) {
        jdbc.sql("delete from lead_usernames where username = :u")
                .param("u", username)
                .update();
    }

    /** Creates the usernames' rows where missing and locks them, in name order, until the transaction ends. */
    private void lock(List<String> sortedNames) {
        Set<String> present = new HashSet<>(jdbc.sql("select username from lead_usernames where username in (:names)")
                .param("names", sortedNames)
                .query(String.class)
                .list());
        for (String name : sortedNames) {
            if (!present.contains(name)) {
                // another writer may insert it at the same moment: then theirs stands
                jdbc.sql("insert into lead_usernames (username, occurrences) values (:u, 0) on conflict do nothing")
                        .param("u", name)
                        .update();
            }
        }
        jdbc.sql("select username from lead_usernames where username in (:names) order by username for update")
                .param("names", sortedNames)
                .query(String.class)
                .list();
    }

    private static List<List<String>> chunks(Collection<String> usernames) {
        List<String> sorted = usernames.stream()
                .filter(u -> u != null && !u.isEmpty())
                .distinct()
                .sorted()
                .toList();
        List<List<String>> out = new ArrayList<>();
        for (int i = 0; i < sorted.size(); i += CHUNK) {
            out.add(sorted.subList(i, Math.min(sorted.size(), i + CHUNK)));
        }
        return out;
    }
}
