package app.leadgen.leads;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;

/**
 * Per-username claims, so that no profile is bought twice when two runs or two instances reach the
 * same username at the same time. A claim is a lease: its holder renews it while it works, and a
 * claim whose holder died (kill -9) simply runs out, so the username can be claimed again.
 *
 * <p>Each claim is one conditional UPDATE, atomic on H2 and PostgreSQL alike: of two racing workers
 * exactly one sees the row as free.
 */
@Service
public class EnrichmentClaims {

    /** What a claim is for: each has its own freshness column. */
    public enum Purpose {
        PROFILE("enriched_at"),
        WEBSEARCH("websearch_at");

        private final String freshColumn;

        Purpose(String freshColumn) {
            this.freshColumn = freshColumn;
        }
    }

    private final JdbcClient jdbc;
    private final Clock clock;

    EnrichmentClaims(JdbcClient jdbc, Clock clock) {
        this.jdbc = jdbc;
        this.clock = clock;
    }

    /**
     * Claims those of the usernames that are not fresh (done at or after {@code freshSince}) and not
     * claimed by someone else, for {@code lease}; returns the ones this owner now holds.
     */
    public Set<String> claim(
            Collection<String> usernames, Purpose purpose, Instant freshSince, String owner, Duration lease) {
        List<String> names =
                usernames.stream().map(Finding::normalizeUsername).distinct().toList();
        if (names.isEmpty()) {
            return Set.of();
        }
        ensureRows(names);
        Instant now = clock.instant();
        jdbc.sql("update ig_profiles set claim_owner = :owner, claim_until = :until where username in (:names)"
                        + " and (" + purpose.freshColumn + " is null or " + purpose.freshColumn + " < :since)"
                        + " and (claim_owner is null or claim_owner = :owner or claim_until < :now)")
                .param("owner", owner)
                .param("until", Timestamp.from(now.plus(lease)))
                .param("names", names)
                .param("since", Timestamp.from(freshSince))
                .param("now", Timestamp.from(now))
                .update();
        return new HashSet<>(
                jdbc.sql("select username from ig_profiles where username in (:names)" + " and claim_owner = :owner")
                        .param("names", names)
                        .param("owner", owner)
                        .query(String.class)
                        .list());
    }

    /** Extends every claim of this owner; called while it works, so a live worker keeps its claims. */
    public void renew(String owner, Duration lease) {
        jdbc.sql("update ig_profiles set claim_until = :until where claim_owner = :owner")
                .param("until", Timestamp.from(clock.instant().plus(lease)))
                .param("owner", owner)
                .update();
    }

    /** Gives up every claim of this owner (done, failed or stopped: a later run may try again). */
    public void release(String owner) {
        jdbc.sql("update ig_profiles set claim_owner = null, claim_until = null where claim_owner = :owner")
                .param("owner", owner)
                .update();
    }

    /** A claim needs a row; rows of usernames never seen before are created empty. */
    private void ensureRows(List<String> names) {
        Set<String> existing = new HashSet<>(jdbc.sql("select username from ig_profiles where username in (:names)")
                .param("names", names)
                .query(String.class)
                .list());
        List<String> missing = new ArrayList<>();
        for (String n : names) {
            if (!existing.contains(n)) {
                missing.add(n);
            }
        }
        Timestamp now = Timestamp.from(clock.instant());
        for (String n : missing) {
            try {
                jdbc.sql("insert into ig_profiles (username, updated_at) values (:u, :now)")
                        .param("u", n)
                        .param("now", now)
                        .update();
            } catch (DataIntegrityViolationException raced) {
                // another worker created it a moment ago: the claim below decides who gets it
            }
        }
    }
}
