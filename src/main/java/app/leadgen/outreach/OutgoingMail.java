package app.leadgen.outreach;

/** A message ready to go: the RFC 5322 bytes and the Message-ID they carry. */
public record OutgoingMail(String to, String subject, String messageId, byte[] rfc5322) {}
