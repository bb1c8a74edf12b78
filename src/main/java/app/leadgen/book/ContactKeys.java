package app.leadgen.book;

import java.util.Collection;
import java.util.List;
import java.util.Objects;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Keeps the contacts' stored sort keys of their company (name, city) and their lower-case search
 * text (name, e-mail, Instagram username, company, city) up to date, in the writer's transaction,
 * so the list sorts by an index and the search box reads one column (a trigram index on PostgreSQL).
 */
final class ContactKeys {

    private static final int CHUNK = 500;

    private static final String REFRESH =
            """
            update contacts set
                sort_company = (select left(co.name, 200) from companies co where co.id = contacts.company_id),
                sort_city = (select co.city from companies co where co.id = contacts.company_id),
                search_text = lower(coalesce(full_name, '') || '|' || coalesce(email, '') || '|'
                    || coalesce(instagram, '') || '|'
                    || coalesce((select coalesce(co.name, '') || '|' || coalesce(co.city, '') from companies co
                                 where co.id = contacts.company_id), ''))
            """;

    private ContactKeys() {}

    /** After these contacts were written. */
    static void contacts(JdbcClient jdbc, Collection<Long> ids) {
        run(jdbc, REFRESH + " where id in (:ids)", ids);
    }

    /** After these companies were written: their contacts (only those whose keys changed are written). */
    static void companies(JdbcClient jdbc, Collection<Long> ids) {
        run(
                jdbc,
                REFRESH + " where company_id in (:ids) and (sort_company is null or sort_company <>"
                        + " (select left(co.name, 200) from companies co where co.id = contacts.company_id)"
                        + " or sort_city is null or sort_city <> (select co.city from companies co"
                        + " where co.id = contacts.company_id))",
                ids);
    }

    private static void run(JdbcClient jdbc, String sql, Collection<Long> ids) {
        List<Long> list = ids.stream().filter(Objects::nonNull).distinct().toList();
        for (int i = 0; i < list.size(); i += CHUNK) {
            jdbc.sql(sql)
                    .param("ids", list.subList(i, Math.min(list.size(), i + CHUNK)))
                    .update();
        }
    }
}
