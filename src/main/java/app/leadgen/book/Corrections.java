package app.leadgen.book;

import app.leadgen.book.Provenance.FieldSource;
import app.leadgen.support.ApiProblem;
import java.time.Clock;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import tools.jackson.databind.json.JsonMapper;

/**
 * What a person does to a contact by hand: correct fields (source {@code user}, overwriting what a
 * source found) and forget the person (GDPR Art. 17).
 */
@Service
public class Corrections {

    static final String USER = "user";

    /** Fields a person may correct, with their columns and the most characters each takes. */
    private static final Map<String, String> FIELDS = Map.ofEntries(
            Map.entry("firstName", "first_name"),
            Map.entry("lastName", "last_name"),
            Map.entry("fullName", "full_name"),
            Map.entry("title", "title"),
            Map.entry("position", "position"),
            Map.entry("email", "email"),
            Map.entry("phone", "phone"),
            Map.entry("instagram", "instagram"),
            Map.entry("linkedin", "linkedin"),
            Map.entry("notes", "notes"));

    private static final Map<String, Integer> MAX = Map.of(
            "first_name",
            200,
            "last_name",
            200,
            "full_name",
            500,
            "title",
            100,
            "position",
            200,
            "linkedin",
            500,
            "notes",
            4000);

    private final JdbcClient jdbc;
    private final Table table;
    private final JsonMapper json;
    private final Forgotten forgotten;
    private final ApplicationEventPublisher events;
    private final String phoneRegion;
    private final Clock clock;

    Corrections(
            JdbcClient jdbc,
            JsonMapper json,
            Forgotten forgotten,
            ApplicationEventPublisher events,
            @Value("${leadgen.websites.phone-region:DE}") String phoneRegion,
            Clock clock) {
        this.jdbc = jdbc;
        this.table = new Table(jdbc, "contacts", ContactMerge.COLUMNS);
        this.json = json;
        this.forgotten = forgotten;
        this.events = events;
        this.phoneRegion = phoneRegion;
        this.clock = clock;
    }

    public static Set<String> correctableFields() {
        return FIELDS.keySet();
    }

    /**
     * Sets the given fields ({@code null} or blank clears one); each becomes the person's ({@code
     * user}). Unknown fields, an invalid e-mail, phone or username are 400 problems; an address or
     * username another contact has is a 409 problem.
     */
    @Transactional
    public void correct(long contactId, Map<String, String> fields) {
        Map<String, Object> current =
                table.read(contactId).orElseThrow(() -> ApiProblem.notFound("problem.contacts.unknown", contactId));
        Map<String, Object> changes = new LinkedHashMap<>();
        for (var e : fields.entrySet()) {
            String column = FIELDS.get(e.getKey());
            if (column == null) {
                throw ApiProblem.badRequest("problem.contacts.field", e.getKey(), String.join(", ", FIELDS.keySet()));
            }
            changes.put(column, value(e.getKey(), column, e.getValue()));
        }
        for (String unique : new String[] {"email", "instagram"}) {
            Object v = changes.get(unique);
            if (v != null
                    && table.idWhere(unique, v)
                            .filter(other -> other != contactId)
                            .isPresent()) {
                throw ApiProblem.conflict("problem.contacts.taken", v);
            }
        }
        if (changes.containsKey("email")) {
            changes.put("email_check", changes.get("email") == null ? null : "unchecked");
        }
        Instant now = clock.instant();
        Map<String, FieldSource> provenance = Provenance.read(json, (String) current.get("provenance"));
        for (String column : changes.keySet()) {
            String field = ContactMerge.FIELDS.get(column);
            if (field != null) {
                Provenance.set(provenance, field, USER, now);
            }
        }
        changes.put("provenance", Provenance.write(json, provenance));
        changes.put("sources", Origins.add((String) current.get("sources"), Origin.USER));
        table.update(contactId, changes, now);
        ContactKeys.contacts(jdbc, java.util.List.of(contactId));
    }

    private Object value(String field, String column, String raw) {
        if (raw == null || raw.isBlank()) {
            return null;
        }
        return switch (column) {
            case "email" -> Keys.email(raw).orElseThrow(() -> ApiProblem.badRequest("problem.contacts.email", raw));
            case "phone" -> Keys.phone(raw, phoneRegion)
                    .orElseThrow(() -> ApiProblem.badRequest("problem.contacts.phone", raw));
            case "instagram" -> Keys.instagram(raw)
                    .orElseThrow(() -> ApiProblem.badRequest("problem.contacts.instagram", raw));
            default -> {
                String v = raw.strip();
                int max = MAX.getOrDefault(column, 500);
                yield v.length() > max ? v.substring(0, max) : v;
            }
        };
    }

    /**
     * Forgets a person: the contact and its tags and import lines are deleted, its address and
     * username are kept only as keyed hashes (so no source adds the person again), and {@link
     * ContactForgotten} tells the other modules to erase what they keep.
     */
    @Transactional
    public void forget(long contactId) {
        var who = jdbc.sql("select email, instagram from contacts where id = :id")
                .param("id", contactId)
                .query((rs, n) -> new String[] {rs.getString(1), rs.getString(2)})
                .optional()
                .orElseThrow(() -> ApiProblem.notFound("problem.contacts.unknown", contactId));
        forgotten.remember(who[0], who[1]);
        for (String sql : new String[] {
            "delete from contact_tags where contact_id = :id",
            "delete from contact_imports where contact_id = :id",
            "delete from contacts where id = :id"
        }) {
            jdbc.sql(sql).param("id", contactId).update();
        }
        events.publishEvent(new ContactForgotten(contactId, who[0], who[1]));
    }
}
