package app.leadgen.outreach;

/** What the mail provider said after accepting a message. */
public record SentMail(String providerId, String threadId) {}
