package app.leadgen.leads;

/** Where a place stands (seed 002 §6): stored as its lower-case value. */
public enum PlaceStatus {
    DISCOVERED("discovered"),
    QUALIFIED("qualified"),
    DISQUALIFIED("disqualified"),
    /** Qualified, but no address was found to write to. */
    NO_EMAIL("no_email");

    private final String value;

    PlaceStatus(String value) {
        this.value = value;
    }

    /** The value stored and shown in the API. */
    public String value() {
        return value;
    }

    /** The status of a stored value ({@code qualified}, …); {@code discovered} for an unknown one. */
    public static PlaceStatus of(String value) {
        for (PlaceStatus s : values()) {
            if (s.value.equals(value)) {
                return s;
            }
        }
        return DISCOVERED;
    }
}
