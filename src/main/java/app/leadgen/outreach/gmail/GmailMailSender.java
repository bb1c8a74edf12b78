package app.leadgen.outreach.gmail;

import app.leadgen.google.GoogleApis;
import app.leadgen.outreach.MailSender;
import app.leadgen.outreach.OutgoingMail;
import app.leadgen.outreach.SentMail;
import com.google.api.services.gmail.model.Message;
import java.io.IOException;
import org.springframework.stereotype.Component;

/** Sends through Gmail's {@code users.messages.send} with the raw RFC 5322 message (base64url). */
@Component
@org.springframework.core.annotation.Order(2)
class GmailMailSender implements MailSender {

    private final GoogleApis google;

    GmailMailSender(GoogleApis google) {
        this.google = google;
    }

    @Override
    public boolean configured() {
        return google.configured();
    }

    @Override
    public String sender() {
        String sender = google.properties().sender();
        return sender == null || sender.isBlank() ? null : sender;
    }

    @Override
    public String kind() {
        return "gmail";
    }

    /** The account's scope is gmail.send only, which reads nothing: the test checks that it is set up. */
    @Override
    public void test() {
        if (!configured()) {
            throw new app.leadgen.support.ExternalServiceException(
                    "gmail",
                    app.leadgen.support.FailureKind.NOT_CONFIGURED,
                    401,
                    "not-configured",
                    "GMAIL_CLIENT_ID, GMAIL_CLIENT_SECRET and GMAIL_REFRESH_TOKEN are not set",
                    false,
                    null);
        }
    }

    @Override
    public SentMail send(OutgoingMail mail) {
        try {
            Message sent = google.gmail()
                    .users()
                    .messages()
                    .send("me", new Message().encodeRaw(mail.rfc5322()))
                    .execute();
            return new SentMail(sent.getId(), sent.getThreadId());
        } catch (IOException e) {
            throw google.failureOf("gmail", e);
        }
    }
}
