/**
 * Outreach: personalised e-mail drafts written by an LLM from editable prompts, and sending them
 * through the user's own mailbox (Gmail API) exactly once per recipient and content, for Instagram
 * leads ({@code /draft/{username}}) and any lead-book contact ({@code /api/contacts/{id}/draft}).
 */
@org.springframework.modulith.ApplicationModule(
        displayName = "Outreach",
        allowedDependencies = {
            "accounts",
            "ai",
            "book",
            "google",
            "leads",
            "settings",
            "support",
            "suppressions",
            "tracking"
        })
package app.leadgen.outreach;
