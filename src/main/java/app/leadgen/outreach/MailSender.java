package app.leadgen.outreach;

/** Port: hands a finished message to a mail provider (Gmail API today, SMTP later). */
public interface MailSender {

    boolean configured();

    /** The From address, or null to let the provider use the account's own. */
    String sender();

    /** @throws app.leadgen.support.ExternalServiceException when the provider refuses or fails */
    SentMail send(OutgoingMail mail);
}
