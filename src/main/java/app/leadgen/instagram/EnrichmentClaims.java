package app.leadgen.instagram;

import app.leadgen.leads.Finding;
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
        PROFILE("enriched_at", "claim_owner", "claim_until"),
        WEBSEARCH("websearch_at", "search_claim_owner", "search_claim_until");

        private final String freshColumn;
        private final String ownerColumn;
        private final String untilColumn;

        Purpose(String freshColumn, String ownerColumn, String untilColumn) {
            this.freshColumn = freshColumn;
            this.ownerColumn = ownerColumn;
            this.untilColumn = untilColumn;
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
        String owners = purpose.ownerColumn;
        String until = purpose.untilColumn;
        jdbc.sql("update ig_profiles set " + owners + " = :owner, " + until + " = :until where username in (:names)"
                        + " and (" + purpose.freshColumn + " is null or " + purpose.freshColumn + " < :since)"
                        + " and (" + owners + " is null or " + owners + " = :owner or " + until + " < :now)")
                .param("owner", owner)
                .param("until", Timestamp.from(now.plus(lease)))
                .param("names", names)
                .param("since", Timestamp.from(freshSince))
                .param("now", Timestamp.from(now))
                .update();
        return new HashSet<>(
                jdbc.sql("select username from ig_profiles where username in (:names) and " + owners + " = :owner")
                        .param("names", names)
                        .param("owner", owner)
                        .query(String.class)
                        .list());
    }

    /** Of these usernames, those done at or after {@code freshSince} for this purpose. */
    public Set<String> fresh(Collection<String> usernames, Purpose purpose, Instant freshSince) {
        List<String> names =
                usernames.stream().map(Finding::normalizeUsername).distinct().toList();
        if (names.isEmpty()) {
            return Set.of();
        }
        return new HashSet<>(jdbc.sql("select username from ig_profiles where username in (:names) and "
                        + purpose.freshColumn + " >= :since")
                .param("names", names)
                .param("since", Timestamp.from(freshSince))
                .query(String.class)
                .list());
    }

    /** Extends every claim of this owner; called while it works, so a live worker keeps its claims. */
    public void renew(String owner, Duration lease) {
        Timestamp until = Timestamp.from(clock.instant().plus(lease));
        for (Purpose p : Purpose.values()) {
            jdbc.sql("update ig_profiles set " + p.untilColumn + " = :until where " + p.ownerColumn + " = :owner")
                    .param("until", until)
                    .param("owner", owner)
                    .update();
        }
    }

    /**
     * Hands the claims of a worker that died over to the one taking over its batch, so they need not
     * run out first (a batch is taken over once its heartbeat is older than the lease, and the
     * usernames' leases were renewed a moment after that heartbeat).
     */
    public void transfer(String from, String to, Duration lease) {
        Timestamp until = Timestamp.from(clock.instant().plus(lease));
        for (Purpose p : Purpose.values()) {
            jdbc.sql("update ig_profiles set " + p.ownerColumn + " = :to, " + p.untilColumn + " = :until where "
                            + p.ownerColumn + " = :from")
                    .param("to", to)
                    .param("until", until)
                    .param("from", from)
                    .update();
        }
    }

    /** Gives up every claim of this owner (done, failed or stopped: a later run may try again). */
    public void release(String owner) {
        for (Purpose p : Purpose.values()) {
            jdbc.sql("update ig_profiles set " + p.ownerColumn + " = null, " + p.untilColumn + " = null where "
                            + p.ownerColumn + " = :owner")
                    .param("owner", owner)
                    .update();
        }
    }

    /** Gives up this owner's claims of these usernames for one purpose (each done or failed). */
    public void release(String owner, Collection<String> usernames, Purpose purpose) {
        List<String> names =
                usernames.stream().map(Finding::normalizeUsername).distinct().toList();
        if (names.isEmpty()) {
            return;
        }
        jdbc.sql("update ig_profiles set " + purpose.ownerColumn + " = null, " + purpose.untilColumn + " = null where "
                        + purpose.ownerColumn + " = :owner and username in (:names)")
                .param("owner", owner)
                .param("names", names)
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
