/**
 * Outreach: personalised e-mail drafts written by an LLM from editable prompts, and sending them
 * through the user's own mailbox (Gmail API) exactly once per lead and content.
 */
@org.springframework.modulith.ApplicationModule(
        displayName = "Outreach",
        allowedDependencies = {"accounts", "ai", "google", "leads", "settings", "support"})
package app.leadgen.outreach;
