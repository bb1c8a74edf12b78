package app.leadgen.tracking;

import static app.leadgen.testing.Fakes.GOOGLE;
import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;

import jakarta.mail.Multipart;
import jakarta.mail.Session;
import jakarta.mail.internet.MimeMessage;
import java.io.ByteArrayInputStream;
import java.util.Base64;
import java.util.List;
import java.util.Properties;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import tools.jackson.databind.json.JsonMapper;

/** The mails the app handed to the Gmail fake, parsed back: headers, text and HTML part, the token. */
final class SentMails {

    static final String SEND = "/gmail/v1/users/me/messages/send";
    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final Pattern TOKEN = Pattern.compile("/u/([A-Za-z0-9_-]{43})");

    private SentMails() {}

    static void gmailAccepts() {
        GOOGLE.stubFor(post(urlPathEqualTo(SEND))
                .willReturn(aResponse()
                        .withStatus(200)
                        .withHeader("Content-Type", "application/json; charset=UTF-8")
                        .withBody("{\"id\": \"18f2\", \"threadId\": \"18f2\", \"labelIds\": [\"SENT\"]}")));
    }

    record Mail(MimeMessage message, String text, String html) {
        String header(String name) throws Exception {
            String[] values = message.getHeader(name);
            return values == null ? null : values[0];
        }

        String token() {
            Matcher m = TOKEN.matcher(text);
            if (!m.find()) {
                throw new AssertionError("no unsubscribe link in " + text);
            }
            return m.group(1);
        }
    }

    /** The last mail sent through the fake. */
    static Mail last() throws Exception {
        List<com.github.tomakehurst.wiremock.verification.LoggedRequest> sent =
                GOOGLE.findAll(postRequestedFor(urlPathEqualTo(SEND)));
        String raw = JSON.readTree(sent.get(sent.size() - 1).getBodyAsString())
                .path("raw")
                .asString();
        return parse(Base64.getUrlDecoder().decode(raw));
    }

    static Mail parse(byte[] bytes) throws Exception {
        MimeMessage message = new MimeMessage(Session.getInstance(new Properties()), new ByteArrayInputStream(bytes));
        Multipart alternative = (Multipart) message.getContent();
        String text = alternative.getBodyPart(0).getContent().toString().replace("\r\n", "\n");
        String html = alternative.getBodyPart(1).getContent().toString().replace("\r\n", "\n");
        return new Mail(message, text, html);
    }
}
