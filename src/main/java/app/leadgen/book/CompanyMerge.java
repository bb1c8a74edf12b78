package app.leadgen.book;

import app.leadgen.book.Provenance.FieldSource;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.springframework.jdbc.core.simple.JdbcClient;
import tools.jackson.core.JacksonException;
import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.json.JsonMapper;

/** Finds the company an input means (place id, registrable domain, name + city) and fills it, or creates it. */
final class CompanyMerge {

    /** Result of one company merge. */
    record Outcome(long id, boolean created, boolean updated) {}

    static final Set<String> COLUMNS = Set.of(
            "name",
            "name_key",
            "domain",
            "website",
            "phone",
            "address",
            "city",
            "postal_code",
            "country",
            "category",
            "place_id",
            "rating",
            "review_count",
            "socials",
            "provenance",
            "sources");

    /** API field name of each column that has a provenance. */
    static final Map<String, String> FIELDS = Map.ofEntries(
            Map.entry("name", "name"),
            Map.entry("domain", "domain"),
            Map.entry("website", "website"),
            Map.entry("phone", "phone"),
            Map.entry("address", "address"),
            Map.entry("city", "city"),
            Map.entry("postal_code", "postalCode"),
            Map.entry("country", "country"),
            Map.entry("category", "category"),
            Map.entry("place_id", "placeId"),
            Map.entry("rating", "rating"),
            Map.entry("review_count", "reviewCount"),
            Map.entry("socials", "socials"));

    private static final TypeReference<List<String>> STRINGS = new TypeReference<>() {};

    private final Table table;

    /** The table itself, for merges one at a time. */
    Table table() {
        return table;
    }

    private final JsonMapper json;
    private final String phoneRegion;

    CompanyMerge(JdbcClient jdbc, JsonMapper json, String phoneRegion) {
        this.table = new Table(jdbc, "companies", COLUMNS);
        this.json = json;
        this.phoneRegion = phoneRegion;
    }

    /**
     * @param email the contact's address: its domain, unless a mailbox provider's, identifies the
     *     company too
     * @return empty when the input names no company (and the address none either)
     */
    Optional<Outcome> merge(Rows rows, CompanyInput in, String email, Origin origin, Sources sources, Instant now) {
        return merge(rows, in, values(in, email), origin, sources, now);
    }

    /** As above with the input's {@link #values} made before (a batch needs them for its look-ups too); they change. */
    Optional<Outcome> merge(
            Rows rows, CompanyInput in, Map<String, Object> values, Origin origin, Sources sources, Instant now) {
        if (!in.identifiable() && !values.containsKey("domain")) {
            return Optional.empty();
        }
        Optional<Long> found = find(rows, values);
        if (found.isEmpty()) {
            if (!in.identifiable()) {
                return Optional.empty(); // an address's domain finds companies, it makes none
            }
            Map<String, FieldSource> provenance = new LinkedHashMap<>();
            values.keySet().forEach(c -> provenance(provenance, c, sources, now));
            values.put("provenance", Provenance.write(json, provenance));
            values.put("sources", origin.value());
            return Optional.of(new Outcome(rows.insert(values, now), true, false));
        }
        long id = found.get();
        Map<String, Object> current = rows.read(id).orElseThrow();
        Map<String, Object> changes = Fill.emptyOnly(current, values);
        mergeSocials(current, values, changes);
        String origins = Origins.add((String) current.get("sources"), origin);
        if (!origins.equals(current.get("sources"))) {
            changes.put("sources", origins);
        }
        boolean updated = changes.keySet().stream().anyMatch(FIELDS::containsKey);
        if (updated) {
            Map<String, FieldSource> provenance = Provenance.read(json, (String) current.get("provenance"));
            changes.keySet().forEach(c -> provenance(provenance, c, sources, now));
            changes.put("provenance", Provenance.write(json, provenance));
        }
        rows.update(id, changes, now);
        return Optional.of(new Outcome(id, false, updated));
    }

    private Optional<Long> find(Rows rows, Map<String, Object> values) {
        Optional<Long> id = Optional.empty();
        if (values.get("place_id") != null) {
            id = rows.idWhere("place_id", values.get("place_id"));
        }
        if (id.isEmpty() && values.get("domain") != null) {
            id = rows.idWhere("domain", values.get("domain"));
        }
        if (id.isEmpty() && values.get("name_key") != null) {
            id = rows.idWhere("name_key", values.get("name_key"));
        }
        return id;
    }

    Map<String, Object> values(CompanyInput in, String email) {
        Map<String, Object> v = new LinkedHashMap<>();
        Fill.put(v, "name", in.name(), 500);
        Fill.put(v, "name_key", Keys.companyNameKey(in.name(), in.city()), 700);
        Optional<String> domain = Keys.domainOfWebsite(in.website()).filter(CompanyMerge::ownDomain);
        if (domain.isEmpty()) {
            domain = Keys.domainOfEmail(email);
        }
        domain.ifPresent(d -> v.put("domain", d));
        Fill.put(v, "website", in.website(), 2000);
        Keys.phone(in.phone(), phoneRegion).ifPresent(p -> v.put("phone", p));
        Fill.put(v, "address", in.address(), 1000);
        Fill.put(v, "city", in.city(), 100);
        Fill.put(v, "postal_code", in.postalCode(), 20);
        Fill.put(v, "country", in.country(), 100);
        Fill.put(v, "category", in.category(), 100);
        Fill.put(v, "place_id", in.placeId(), 300);
        Fill.put(v, "rating", in.rating());
        Fill.put(v, "review_count", in.reviewCount());
        if (in.socials() != null && !in.socials().isEmpty()) {
            v.put("socials", json.writeValueAsString(in.socials()));
        }
        return v;
    }

    /** Link-in-bio pages and social networks are not the business's own domain. */
    private static boolean ownDomain(String domain) {
        return !Keys.PLATFORMS.contains(domain);
    }

    private void mergeSocials(Map<String, Object> current, Map<String, Object> values, Map<String, Object> changes) {
        if (values.get("socials") == null || current.get("socials") == null) {
            return;
        }
        Set<String> all = new LinkedHashSet<>(list((String) current.get("socials")));
        int before = all.size();
        all.addAll(list((String) values.get("socials")));
        if (all.size() > before) {
            changes.put("socials", json.writeValueAsString(List.copyOf(all)));
        }
    }

    private List<String> list(String text) {
        try {
            return json.readValue(text, STRINGS);
        } catch (JacksonException e) {
            return List.of();
        }
    }

    private static void provenance(Map<String, FieldSource> provenance, String column, Sources sources, Instant now) {
        String field = FIELDS.get(column);
        if (field != null) {
            Provenance.set(provenance, field, sources.forField(field), now);
        }
    }
}
