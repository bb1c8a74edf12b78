package app.leadgen.book;

import java.util.Map;

/**
 * What a source knows about a person or role mailbox. Any field may be null; the lead book
 * normalises e-mail, phone and Instagram username itself.
 *
 * @param emailCheck what DNS said about the address's domain ({@code ok}, {@code no_domain}, …), or null
 * @param custom columns of an import that no field fits (kept, never dropped)
 * @param status the status the source gives (places: qualified or disqualified), or null
 */
public record ContactInput(
        String firstName,
        String lastName,
        String fullName,
        String title,
        String position,
        String email,
        String emailCheck,
        String phone,
        String instagram,
        String linkedin,
        String notes,
        Map<String, String> custom,
        ContactStatus status) {

    public static ContactInput none() {
        return new ContactInput(null, null, null, null, null, null, null, null, null, null, null, Map.of(), null);
    }

    public static ContactInput mailbox(String email, String emailCheck, ContactStatus status) {
        return new ContactInput(
                null, null, null, null, null, email, emailCheck, null, null, null, null, Map.of(), status);
    }

    public static ContactInput instagram(String username, String fullName, String email, String phone) {
        return new ContactInput(
                null, null, fullName, null, null, email, null, phone, username, null, null, Map.of(), null);
    }
}
