package app.leadgen.outreach;

/** An e-mail draft: what {@code POST /draft/{username}} answers. */
public record Draft(String subject, String body) {}
