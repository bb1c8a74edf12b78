package app.leadgen.book;

import app.leadgen.book.Provenance.FieldSource;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.springframework.jdbc.core.simple.JdbcClient;
import tools.jackson.core.JacksonException;
import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.json.JsonMapper;

/**
 * Finds the contact an input means (e-mail, else Instagram username, else first and last name at
 * the same company) and fills it, or creates it.
 */
final class ContactMerge {

    /** Result of one contact merge. */
    record Outcome(long id, boolean created, boolean updated) {}

    static final Set<String> COLUMNS = Set.of(
            "company_id",
            "first_name",
            "last_name",
            "full_name",
            "title",
            "position",
            "email",
            "email_check",
            "phone",
            "instagram",
            "linkedin",
            "notes",
            "custom",
            "status",
            "name_key",
            "provenance",
            "sources");

    /** API field name of each column that has a provenance. */
    static final Map<String, String> FIELDS = Map.ofEntries(
            Map.entry("company_id", "companyId"),
            Map.entry("first_name", "firstName"),
            Map.entry("last_name", "lastName"),
            Map.entry("full_name", "fullName"),
            Map.entry("title", "title"),
            Map.entry("position", "position"),
            Map.entry("email", "email"),
            Map.entry("email_check", "emailCheck"),
            Map.entry("phone", "phone"),
            Map.entry("instagram", "instagram"),
            Map.entry("linkedin", "linkedin"),
            Map.entry("notes", "notes"),
            Map.entry("custom", "custom"));

    private static final TypeReference<LinkedHashMap<String, String>> CUSTOM = new TypeReference<>() {};

    private final Table table;

    /** The table itself, for merges one at a time. */
    Table table() {
        return table;
    }

    private final JsonMapper json;
    private final String phoneRegion;

    ContactMerge(JdbcClient jdbc, JsonMapper json, String phoneRegion) {
        this.table = new Table(jdbc, "contacts", COLUMNS);
        this.json = json;
        this.phoneRegion = phoneRegion;
    }

    /** @return empty when the input names no person or mailbox (no e-mail, username, phone or name) */
    Optional<Outcome> merge(Rows rows, ContactInput in, Long companyId, Origin origin, Sources sources, Instant now) {
        return merge(rows, in, values(in, companyId), origin, sources, now);
    }

    /** As above with the input's {@link #values} made before (a batch needs them for its look-ups too); they change. */
    Optional<Outcome> merge(
            Rows rows, ContactInput in, Map<String, Object> values, Origin origin, Sources sources, Instant now) {
        if (!identifiable(values)) {
            return Optional.empty();
        }
        Optional<Long> found = find(rows, values);
        if (found.isEmpty()) {
            if (values.containsKey("custom_map")) {
                values.put("custom", json.writeValueAsString(values.remove("custom_map")));
            }
            Map<String, FieldSource> provenance = new LinkedHashMap<>();
            values.keySet().forEach(c -> provenance(provenance, c, sources, now));
            values.put("provenance", Provenance.write(json, provenance));
            values.put("sources", origin.value());
            values.put(
                    "status",
                    in.status() == null
                            ? ContactStatus.DISCOVERED.value()
                            : in.status().value());
            return Optional.of(new Outcome(rows.insert(values, now), true, false));
        }
        long id = found.get();
        Map<String, Object> current = rows.read(id).orElseThrow();
        Map<String, Object> incoming = new LinkedHashMap<>(values);
        @SuppressWarnings("unchecked")
        Map<String, String> custom = (Map<String, String>) incoming.remove("custom_map");
        // a unique value that another contact holds stays with that contact
        dropTaken(rows, incoming, "email", id);
        dropTaken(rows, incoming, "instagram", id);
        Map<String, Object> changes = Fill.emptyOnly(current, incoming);
        if (current.get("company_id") != null) {
            changes.remove("name_key");
        }
        mergeCustom(current, custom, changes);
        String origins = Origins.add((String) current.get("sources"), origin);
        if (!origins.equals(current.get("sources"))) {
            changes.put("sources", origins);
        }
        if (in.status() != null
                && ContactStatus.DISCOVERED.value().equals(current.get("status"))
                && in.status() != ContactStatus.DISCOVERED) {
            changes.put("status", in.status().value());
        }
        boolean updated = changes.keySet().stream().anyMatch(c -> FIELDS.containsKey(c) || c.equals("status"));
        if (changes.keySet().stream().anyMatch(FIELDS::containsKey)) {
            Map<String, FieldSource> provenance = Provenance.read(json, (String) current.get("provenance"));
            changes.keySet().forEach(c -> provenance(provenance, c, sources, now));
            changes.put("provenance", Provenance.write(json, provenance));
        }
        rows.update(id, changes, now);
        return Optional.of(new Outcome(id, false, updated));
    }

    private Optional<Long> find(Rows rows, Map<String, Object> values) {
        Optional<Long> id = Optional.empty();
        if (values.get("email") != null) {
            id = rows.idWhere("email", values.get("email"));
        }
        if (id.isEmpty() && values.get("instagram") != null) {
            id = rows.idWhere("instagram", values.get("instagram"));
        }
        if (id.isEmpty() && values.get("name_key") != null) {
            id = rows.idWhere("name_key", values.get("name_key"));
        }
        return id;
    }

    private void dropTaken(Rows rows, Map<String, Object> incoming, String column, long id) {
        Object value = incoming.get(column);
        if (value != null
                && rows.idWhere(column, value).filter(other -> other != id).isPresent()) {
            incoming.remove(column);
        }
    }

    private static boolean identifiable(Map<String, Object> v) {
        return v.containsKey("email")
                || v.containsKey("instagram")
                || v.containsKey("phone")
                || v.containsKey("full_name")
                || v.containsKey("last_name")
                || v.containsKey("linkedin");
    }

    Map<String, Object> values(ContactInput in, Long companyId) {
        Map<String, Object> v = new LinkedHashMap<>();
        Fill.put(v, "company_id", companyId);
        Fill.put(v, "first_name", in.firstName(), 200);
        Fill.put(v, "last_name", in.lastName(), 200);
        String full = in.fullName();
        if ((full == null || full.isBlank()) && (Fill.present(in.firstName()) || Fill.present(in.lastName()))) {
            full = ((in.firstName() == null ? "" : in.firstName().strip()) + " "
                            + (in.lastName() == null ? "" : in.lastName().strip()))
                    .strip();
        }
        Fill.put(v, "full_name", full, 500);
        Fill.put(v, "title", in.title(), 100);
        Fill.put(v, "position", in.position(), 200);
        Keys.email(in.email()).ifPresent(e -> {
            v.put("email", e);
            Fill.put(v, "email_check", in.emailCheck() == null ? "unchecked" : in.emailCheck(), 20);
        });
        Keys.phone(in.phone(), phoneRegion).ifPresent(p -> v.put("phone", p));
        Keys.instagram(in.instagram()).ifPresent(u -> v.put("instagram", u));
        Fill.put(v, "linkedin", in.linkedin(), 500);
        Fill.put(v, "notes", in.notes(), 4000);
        Fill.put(v, "name_key", Keys.contactNameKey(in.firstName(), in.lastName(), companyId), 700);
        if (in.custom() != null && !in.custom().isEmpty()) {
            v.put("custom_map", new LinkedHashMap<>(in.custom()));
        }
        return v;
    }

    private void mergeCustom(Map<String, Object> current, Map<String, String> custom, Map<String, Object> changes) {
        if (custom == null || custom.isEmpty()) {
            return;
        }
        Map<String, String> merged = read((String) current.get("custom"));
        boolean added = false;
        for (var e : custom.entrySet()) {
            if (e.getValue() != null && !e.getValue().isBlank() && !Fill.present(merged.get(e.getKey()))) {
                merged.put(e.getKey(), e.getValue());
                added = true;
            }
        }
        if (added) {
            changes.put("custom", json.writeValueAsString(merged));
        }
    }

    Map<String, String> read(String custom) {
        return customOf(json, custom);
    }

    static Map<String, String> customOf(JsonMapper json, String custom) {
        if (custom == null || custom.isBlank()) {
            return new LinkedHashMap<>();
        }
        try {
            return json.readValue(custom, CUSTOM);
        } catch (JacksonException e) {
            return new LinkedHashMap<>();
        }
    }

    private static void provenance(Map<String, FieldSource> provenance, String column, Sources sources, Instant now) {
        String field = FIELDS.get(column);
        if (field != null) {
            Provenance.set(provenance, field, sources.forField(field), now);
        }
    }
}
