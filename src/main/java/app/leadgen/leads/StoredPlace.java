package app.leadgen.leads;

/** A stored Places lead as a run needs it for checking the website and scoring. */
public record StoredPlace(
        String placeId, String name, String phone, String website, Double rating, String email, String status) {}
