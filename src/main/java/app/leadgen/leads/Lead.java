package app.leadgen.leads;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;

/** One finding of one run: a username seen under a hashtag. Profile data lives in ig_profiles. */
@Entity
@Table(name = "leads")
class Lead {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    Long id;

    @Column(nullable = false)
    Long runId;

    @Column(nullable = false)
    String source;

    @Column(nullable = false)
    String hashtag;

    @Column(nullable = false)
    String username;

    String keyword;

    @Column(nullable = false)
    Instant foundAt;

    protected Lead() {}

    Lead(long runId, String source, String hashtag, String username, String keyword, Instant foundAt) {
        this.runId = runId;
        this.source = source;
        this.hashtag = hashtag;
        this.username = username;
        this.keyword = keyword;
        this.foundAt = foundAt;
    }
}
