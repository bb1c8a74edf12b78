package app.leadgen.imports;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;
import java.util.Locale;
import java.util.Optional;

/**
 * The lead-book fields a CSV column can be mapped to, with their JSON names. A column mapped to no
 * field ({@code null}) is kept as a custom field of the contact.
 */
public enum Field {
    FIRST_NAME("firstName", false),
    LAST_NAME("lastName", false),
    FULL_NAME("fullName", false),
    /** Salutation and academic title: Herr, Frau Dr., Prof. Dr. */
    TITLE("title", false),
    /** Job title or role: Geschäftsführer, Inhaberin, Head of Marketing. */
    POSITION("position", false),
    EMAIL("email", false),
    PHONE("phone", false),
    INSTAGRAM("instagram", false),
    LINKEDIN("linkedin", false),
    NOTES("notes", false),
    COMPANY_NAME("companyName", true),
    WEBSITE("website", true),
    COMPANY_PHONE("companyPhone", true),
    /** Street and house number. */
    ADDRESS("address", true),
    POSTAL_CODE("postalCode", true),
    CITY("city", true),
    COUNTRY("country", true),
    CATEGORY("category", true);

    private final String json;
    private final boolean company;

    Field(String json, boolean company) {
        this.json = json;
        this.company = company;
    }

    @JsonValue
    public String json() {
        return json;
    }

    /** Whether the field belongs to the company rather than to the contact. */
    public boolean company() {
        return company;
    }

    /**
     * The field of a JSON name, forgiving about case, {@code _} and {@code -} ({@code first_name},
     * {@code FIRST_NAME}, {@code firstname}); empty for anything else.
     */
    public static Optional<Field> fromJson(String name) {
        if (name == null) {
            return Optional.empty();
        }
        String key = name.replace("_", "").replace("-", "").strip().toLowerCase(Locale.ROOT);
        for (Field field : values()) {
            if (field.json.toLowerCase(Locale.ROOT).equals(key)) {
                return Optional.of(field);
            }
        }
        return Optional.empty();
    }

    /** For Jackson (a mapping in a request body): a name this enum does not know is an error. */
    @JsonCreator
    public static Field ofJson(String name) {
        return fromJson(name).orElseThrow(() -> new IllegalArgumentException("unknown field " + name));
    }
}
