package app.leadgen.leads;

import app.leadgen.book.ContactFindings;
import java.util.List;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/** The findings behind a lead-book contact: its Instagram hashtag hits and the place it is the mailbox of. */
@Component
class LeadFindings implements ContactFindings {

    private final JdbcClient jdbc;

    LeadFindings(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    @Override
    public List<Finding> of(long contactId) {
        return jdbc.sql(
                        """
                        select l.run_id, l.source, l.hashtag as detail, l.keyword, l.found_at from leads l
                          join ig_profiles p on p.username = l.username where p.contact_id = :id
                        union all
                        select l.run_id, l.source, pl.name as detail, l.keyword, l.found_at from leads l
                          join places pl on pl.place_id = l.place_id where pl.contact_id = :id
                        """)
                .param("id", contactId)
                .query((rs, n) -> new Finding(
                        rs.getLong("run_id"),
                        rs.getString("source"),
                        rs.getString("detail"),
                        rs.getString("keyword"),
                        rs.getTimestamp("found_at") == null
                                ? null
                                : rs.getTimestamp("found_at").toInstant()))
                .list();
    }
}
