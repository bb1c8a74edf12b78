/**
 * Leads: every finding ({@code hashtag|username} of a run) and the profile data collected for each
 * username, with the source of every contact field. Owns the leads table, its queries and API.
 */
@org.springframework.modulith.ApplicationModule(
        displayName = "Leads",
        allowedDependencies = {"support"})
package app.leadgen.leads;
