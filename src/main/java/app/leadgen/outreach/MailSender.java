package app.leadgen.outreach;

/**
 * Port: hands a finished message to a mail provider. The one-by-one send uses the first configured
 * one in their order: the SMTP mailbox ({@code BREVO_SMTP_HOST}), else the Gmail API account.
 */
public interface MailSender {

    boolean configured();

    /** The From address, or null to let the provider use the account's own. */
    String sender();

    /** The From display name ({@code FROM_NAME}), or null. */
    default String senderName() {
        return null;
    }

    /** The Reply-To address ({@code REPLY_TO_EMAIL}), or null. */
    default String replyTo() {
        return null;
    }

    /**
     * @throws app.leadgen.support.ExternalServiceException when the provider refuses or fails; a
     *     recipient the receiving server refused for good has the error type {@link #HARD_BOUNCE}
     */
    SentMail send(OutgoingMail mail);

    /** {@code smtp}, {@code gmail}: which kind of mailbox this is (campaigns pick one by kind). */
    default String kind() {
        return "other";
    }

    /**
     * Checks the connection and login without sending anything („Verbindung testen").
     *
     * @throws app.leadgen.support.ExternalServiceException when the provider cannot be reached or refuses
     */
    default void test() {}

    /** The error type of a permanent refusal of the recipient (an SMTP 5xx for it). */
    String HARD_BOUNCE = "hard_bounce";
}
