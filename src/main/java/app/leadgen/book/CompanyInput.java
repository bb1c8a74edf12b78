package app.leadgen.book;

import java.util.List;

/** What a source knows about a business. Any field may be null. */
public record CompanyInput(
        String name,
        String website,
        String phone,
        String address,
        String city,
        String postalCode,
        String country,
        String category,
        String placeId,
        Double rating,
        Integer reviewCount,
        List<String> socials) {

    public static CompanyInput none() {
        return new CompanyInput(null, null, null, null, null, null, null, null, null, null, null, List.of());
    }

    /** Whether it names a business at all (a name, a website or a place). */
    boolean identifiable() {
        return notBlank(name) || notBlank(website) || notBlank(placeId);
    }

    static boolean notBlank(String s) {
        return s != null && !s.isBlank();
    }
}
