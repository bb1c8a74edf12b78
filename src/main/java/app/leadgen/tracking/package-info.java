/**
 * Tracking of sent mails: opaque signed tokens (one per mail), the open pixel ({@code
 * /track/open/{token}}), click redirects to links that were in the mail ({@code /track/click/{token}}),
 * the unsubscribe page and one-click unsubscribe (RFC 8058, {@code /u/{token}}), the events table
 * with human and machine events (image proxies, link scanners), and the contact's status that
 * follows them (seed 002 §6). Its API is {@link app.leadgen.tracking.MailTracking}: a sender starts a
 * {@link app.leadgen.tracking.TrackedMail} for every mail and builds its links from it.
 */
@org.springframework.modulith.ApplicationModule(
        displayName = "Tracking",
        allowedDependencies = {"book", "settings", "suppressions", "support"})
package app.leadgen.tracking;
