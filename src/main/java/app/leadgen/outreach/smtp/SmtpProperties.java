package app.leadgen.outreach.smtp;

import java.time.Duration;
import java.util.Locale;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * The SMTP mailbox (Brevo's relay or any provider). Set up when {@code host} is.
 *
 * @param host {@code BREVO_SMTP_HOST}, e.g. {@code smtp-relay.brevo.com}
 * @param port {@code BREVO_SMTP_PORT}: 587 (STARTTLS) by default, 465 for implicit TLS
 * @param user {@code BREVO_SMTP_USER}: the SMTP login (empty: no authentication)
 * @param password {@code BREVO_SMTP_PASSWORD}: the SMTP key, never logged
 * @param security {@code BREVO_SMTP_SECURITY}: {@code starttls} (required, the default), {@code ssl}
 *     (implicit TLS) or {@code none} (a relay on the same network only)
 * @param fromEmail {@code FROM_EMAIL}: the From address
 * @param fromName {@code FROM_NAME}: its display name
 * @param replyTo {@code REPLY_TO_EMAIL}: where replies go (empty: to the From address)
 */
@ConfigurationProperties("leadgen.smtp")
record SmtpProperties(
        String host,
        @DefaultValue("587") int port,
        String user,
        String password,
        @DefaultValue("starttls") String security,
        String fromEmail,
        String fromName,
        String replyTo,
        @DefaultValue("10s") Duration connectTimeout,
        @DefaultValue("60s") Duration timeout) {

    SmtpProperties {
        security = security == null || security.isBlank()
                ? "starttls"
                : security.strip().toLowerCase(Locale.ROOT);
        if (!security.equals("starttls") && !security.equals("ssl") && !security.equals("none")) {
            // a typo must not send the password in clear text: the app does not start
            throw new IllegalArgumentException(
                    "BREVO_SMTP_SECURITY must be starttls, ssl or none, not '" + security + "'");
        }
    }

    boolean configured() {
        return host != null && !host.isBlank();
    }

    boolean authenticates() {
        return user != null && !user.isBlank();
    }

    @Override
    public String toString() {
        // the password never reaches a log line
        return "SmtpProperties[host=" + host + ", port=" + port + ", user=" + user + ", security=" + security + "]";
    }
}
