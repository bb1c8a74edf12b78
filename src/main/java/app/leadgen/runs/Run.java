package app.leadgen.runs;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import org.hibernate.annotations.DynamicUpdate;

/**
 * A run and its progress. Counters are changed with single UPDATE statements (see RunProgress);
 * {@code @DynamicUpdate} makes entity saves (stop, resume) write only the columns they changed, so
 * they never overwrite counters a running pipeline incremented meanwhile.
 */
@Entity
@DynamicUpdate
@Table(name = "runs")
class Run {

    static final String SOURCE_INSTAGRAM = "instagram";
    static final String SOURCE_PLACES = "places";

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    Long id;

    @Column(nullable = false)
    String source;

    String keyword;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    RunStatus status;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    RunStage stage;

    String errorMessage;
    String warning;

    /** The Instagram session id for this run, encrypted with SECRET_KEY (SecretBox). */
    String sessionSecret;

    boolean stopRequested;
    boolean emergencyStop;
    boolean selectHashtags;
    int hashtags;
    int findings;
    int usernames;
    int profilesEnriched;
    int profilesNotFound;
    int profilesFailed;
    int websearchTotal;
    int websearchDone;
    int websearchFailed;
    int cacheHits;
    int profilesCached;
    int batchCurrent;
    int batchTotal;

    /** Places runs: the target locations to search, comma-separated ids. */
    String locationIds;

    int placesSearches;
    int placesSearchesTotal;
    int placesFound;
    int placesNew;
    int placesKnown;
    int qualified;
    int disqualified;
    int sitesChecked;
    int emailsFound;

    @Column(nullable = false)
    Instant createdAt;

    Instant startedAt;
    Instant finishedAt;

    /** Renewed by the run's own job while it works (Instagram runs); null before it starts. */
    Instant heartbeatAt;

    protected Run() {}

    Run(String source, String keyword, String sessionSecret, Instant now) {
        this.source = source;
        this.keyword = keyword;
        this.sessionSecret = sessionSecret;
        this.status = RunStatus.QUEUED;
        this.stage = RunStage.QUEUED;
        this.createdAt = now;
    }
}
