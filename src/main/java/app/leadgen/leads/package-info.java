/**
 * Leads: every finding of a run (an Instagram {@code hashtag|username}, a Google place), the profile
 * data collected for each username and every place kept once per {@code place_id} (with its
 * {@link app.leadgen.leads.PlaceStatus}), with the source of every contact field. Owns the leads
 * table, its queries and {@code /api/leads}. Every profile and place it stores is handed to the
 * lead book ({@code book}), whose contact and company ids it keeps on its rows.
 */
@org.springframework.modulith.ApplicationModule(
        displayName = "Leads",
        allowedDependencies = {"book", "support"})
package app.leadgen.leads;
