package app.leadgen.leads;

/** Contact details from a secondary source (web search, website). Null or blank means "not found". */
public record ContactData(String email, String phone, String website) {

    public static final ContactData NONE = new ContactData(null, null, null);

    public boolean isEmpty() {
        return isBlank(email) && isBlank(phone) && isBlank(website);
    }

    static boolean isBlank(String s) {
        return s == null || s.isBlank();
    }
}
