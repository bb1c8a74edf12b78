/**
 * The suppression list: e-mail addresses and whole domains that get no mail from us, with the reason
 * ({@code unsubscribed}, {@code bounced}, {@code complained}, {@code forgotten}, {@code manual}) and
 * when. Its API is {@link app.leadgen.suppressions.Suppressions}: every sender asks {@code
 * isSuppressed} before a mail goes out, and unsubscribes and hard bounces {@code suppress}. Owns the
 * table {@code suppressions}, {@code /api/suppressions} and the page „Sperrliste" ({@code /suppressions}).
 */
@org.springframework.modulith.ApplicationModule(
        displayName = "Suppressions",
        allowedDependencies = {"accounts", "book", "imports", "support"})
package app.leadgen.suppressions;
