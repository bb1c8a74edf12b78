/**
 * Websites: fetches a prospect's site safely (no private, loopback or link-local targets, also
 * after redirects and DNS answers), extracts e-mails, phones and social profiles from the home page
 * and its contact pages (Kontakt, Impressum, …), and checks each e-mail domain's MX records.
 *
 * <p>API: {@link app.leadgen.websites.WebsiteContacts} (one site in, {@link
 * app.leadgen.websites.SiteContacts} out), {@link app.leadgen.websites.SafeFetcher}, {@link
 * app.leadgen.websites.ContactExtractor}, {@link app.leadgen.websites.EmailDomainCheck} and {@link
 * app.leadgen.websites.SiteFindings} (the address and number a run takes from a site).
 * Sub-packages are internal.
 */
@org.springframework.modulith.ApplicationModule(
        displayName = "Websites",
        allowedDependencies = {"support"})
package app.leadgen.websites;
