package app.leadgen.leads;

import java.util.List;
import org.jobrunr.jobs.annotations.Job;
import org.jobrunr.scheduling.JobScheduler;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * Brings Instagram profiles and places that are not in the lead book yet into it: every row stored
 * before the lead book existed (after the upgrade), and any row whose hand-over was cut off (the
 * instance died between the two writes). A JobRunr job enqueued at every start; it walks the rows
 * in id order, so it ends even where a row cannot be merged (a forgotten person's), and costs one
 * query per table when there is nothing to do. Public with a public method for JobRunr.
 */
@Component
public class BookBackfill {

    private static final Logger log = LoggerFactory.getLogger(BookBackfill.class);
    private static final int CHUNK = 200;

    private final InstagramProfileRepository profiles;
    private final BookSync book;
    private final JdbcClient jdbc;
    private final JobScheduler jobs;

    BookBackfill(InstagramProfileRepository profiles, BookSync book, JdbcClient jdbc, JobScheduler jobs) {
        this.profiles = profiles;
        this.book = book;
        this.jdbc = jdbc;
        this.jobs = jobs;
    }

    @EventListener(ApplicationReadyEvent.class)
    void enqueue() {
        jobs.<BookBackfill>enqueue(job -> job.run());
    }

    @Job(name = "Lead book: bring in profiles and places", retries = 3)
    public void run() {
        int accounts = profilesInBook();
        int places = placesInBook();
        if (accounts + places > 0) {
            log.info("Lead book: brought in {} Instagram profiles and {} places", accounts, places);
        }
    }

    int profilesInBook() {
        long after = 0;
        int done = 0;
        List<InstagramProfile> chunk;
        while (!(chunk = profiles.findTop200ByIdGreaterThanAndContactIdIsNullOrderByIdAsc(after)).isEmpty()) {
            for (InstagramProfile p : chunk) {
                book.instagram(p);
                after = p.id;
                done++;
            }
        }
        return done;
    }

    int placesInBook() {
        long after = 0;
        int done = 0;
        List<PlaceRow> chunk;
        while (!(chunk = placesAfter(after)).isEmpty()) {
            for (PlaceRow place : chunk) {
                book.place(place.data());
                if (place.email() != null || place.phoneSource() != null) {
                    book.checked(place.data().placeId(), place.check());
                }
                after = place.id();
                done++;
            }
        }
        return done;
    }

    /** A stored place as the book needs it: what Google said, and what its check found. */
    record PlaceRow(
            long id,
            PlaceData data,
            String email,
            String emailSource,
            String emailCheck,
            String status,
            String phone,
            String phoneSource) {

        PlaceCheck check() {
            return new PlaceCheck(
                    0,
                    List.of(),
                    PlaceStatus.of(status),
                    email,
                    emailSource,
                    emailCheck,
                    false,
                    phoneSource == null ? null : phone,
                    phoneSource);
        }
    }

    private List<PlaceRow> placesAfter(long after) {
        return jdbc.sql("select id, place_id, name, category, address, city, phone, website, rating, review_count,"
                        + " maps_url, business_status, location_id, email, email_source, email_check, status,"
                        + " phone_source from places where id > :after and company_id is null order by id limit "
                        + CHUNK)
                .param("after", after)
                .query((rs, n) -> new PlaceRow(
                        rs.getLong("id"),
                        new PlaceData(
                                rs.getString("place_id"),
                                rs.getString("name"),
                                rs.getString("category"),
                                rs.getString("address"),
                                rs.getString("city"),
                                rs.getString("phone"),
                                rs.getString("website"),
                                rs.getObject("rating", Double.class),
                                rs.getObject("review_count", Integer.class),
                                rs.getString("maps_url"),
                                rs.getString("business_status"),
                                rs.getObject("location_id", Long.class)),
                        rs.getString("email"),
                        rs.getString("email_source"),
                        rs.getString("email_check"),
                        rs.getString("status"),
                        rs.getString("phone"),
                        rs.getString("phone_source")))
                .list();
    }
}
