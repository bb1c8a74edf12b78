package app.leadgen.leads;

import java.util.List;

/**
 * The outcome of checking one place: its score with the fired rules, its new status, and the
 * contacts read from its website. Contacts only fill fields that are still empty.
 *
 * @param status qualified, disqualified or no e-mail
 * @param email an address found on the website, or a guessed one ({@code emailGuessed}); null for none
 * @param emailSource {@code website:<page>} for a found address, {@code guessed} for a guessed one
 * @param emailCheck the DNS check of the address' domain: {@code ok}, {@code no_domain}, {@code lookup_failed}
 * @param phone an E.164 number from the website, null for none
 */
public record PlaceCheck(
        int score,
        List<ScoreReason> reasons,
        PlaceStatus status,
        String email,
        String emailSource,
        String emailCheck,
        boolean emailGuessed,
        String phone,
        String phoneSource) {

    public PlaceCheck {
        reasons = List.copyOf(reasons);
    }
}
