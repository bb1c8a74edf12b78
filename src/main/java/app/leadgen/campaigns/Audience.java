package app.leadgen.campaigns;

import app.leadgen.support.ApiProblem;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * Who a campaign addresses: the listed contacts, or the lead book's contacts matching a filter —
 * always only contacts with an address. Reads the lead book's tables (and the Places score) in one
 * query; the book has no API for these filters yet.
 */
@Component
class Audience {

    static final int MAX = 100_000;

    private final JdbcClient jdbc;

    Audience(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    static void check(CampaignSpec.AudienceSpec a) {
        if (a == null || (a.contactIds() == null) == (a.filter() == null)) {
            throw ApiProblem.badRequest("problem.campaigns.audience");
        }
        if (a.contactIds() != null
                && (a.contactIds().isEmpty() || a.contactIds().size() > MAX)) {
            throw ApiProblem.badRequest("problem.campaigns.audience");
        }
    }

    /** The contact ids, in id order. */
    List<Long> contactIds(CampaignSpec.AudienceSpec a) {
        return contactIds(a, null, MAX);
    }

    /** At most {@code limit} contact ids after {@code afterId} (null: from the first), in id order. */
    List<Long> contactIds(CampaignSpec.AudienceSpec a, Long afterId, int limit) {
        Map<String, Object> params = new HashMap<>();
        String where = where(a, params);
        if (afterId != null) {
            where += " and c.id > :after";
            params.put("after", afterId);
        }
        var sql = jdbc.sql("select c.id from contacts c left join companies co on co.id = c.company_id where " + where
                + " order by c.id limit " + Math.max(1, Math.min(limit, MAX)));
        for (var e : params.entrySet()) {
            sql = sql.param(e.getKey(), e.getValue());
        }
        return sql.query(Long.class).list();
    }

    /** How many contacts the audience has (the wizard's live count); the same conditions as {@link #contactIds}. */
    long count(CampaignSpec.AudienceSpec a) {
        Map<String, Object> params = new HashMap<>();
        var sql = jdbc.sql("select count(*) from contacts c left join companies co on co.id = c.company_id where "
                + where(a, params));
        for (var e : params.entrySet()) {
            sql = sql.param(e.getKey(), e.getValue());
        }
        return Math.min(sql.query(Long.class).single(), MAX);
    }

    /** The audience's conditions as SQL over {@code contacts c} and {@code companies co}; fills {@code params}. */
    private static String where(CampaignSpec.AudienceSpec a, Map<String, Object> params) {
        List<String> and = new ArrayList<>();
        and.add("c.email is not null");
        if (a.contactIds() != null) {
            and.add("c.id in (:ids)");
            params.put("ids", a.contactIds());
        } else {
            CampaignSpec.Filter f = a.filter();
            if (f.source() != null && !f.source().isBlank()) {
                and.add("(c.sources = :src or c.sources like :srcFirst or c.sources like :srcLast"
                        + " or c.sources like :srcMid)");
                params.put("src", f.source());
                params.put("srcFirst", f.source() + ",%");
                params.put("srcLast", "%," + f.source());
                params.put("srcMid", "%," + f.source() + ",%");
            }
            if (f.status() != null && !f.status().isBlank()) {
                and.add("c.status = :status");
                params.put("status", f.status());
            }
            if (f.tag() != null && !f.tag().isBlank()) {
                and.add("exists (select 1 from contact_tags t where t.contact_id = c.id and t.tag = :tag)");
                params.put("tag", f.tag());
            }
            if (f.importId() != null) {
                and.add("exists (select 1 from contact_imports i where i.contact_id = c.id and i.import_id = :imp)");
                params.put("imp", f.importId());
            }
            if (f.city() != null && !f.city().isBlank()) {
                and.add("lower(co.city) = :city");
                params.put("city", f.city().strip().toLowerCase(java.util.Locale.ROOT));
            }
            if (f.category() != null && !f.category().isBlank()) {
                and.add("lower(co.category) = :category");
                params.put("category", f.category().strip().toLowerCase(java.util.Locale.ROOT));
            }
            if (f.minScore() != null) {
                and.add("exists (select 1 from places p where p.company_id = c.company_id and p.score >= :score)");
                params.put("score", f.minScore());
            }
            if (f.emailCheck() != null && !f.emailCheck().isBlank()) {
                and.add("c.email_check = :check");
                params.put("check", f.emailCheck());
            }
        }
        return String.join(" and ", and);
    }
}
