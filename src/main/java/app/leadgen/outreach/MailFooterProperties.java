package app.leadgen.outreach;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * What every outgoing mail carries besides its text.
 *
 * @param postalAddress {@code SENDER_POSTAL_ADDRESS}: the sender's postal address in the footer
 *     (German law wants an imprint in commercial mail, CAN-SPAM a real address); {@code \n} in it
 *     starts a new line
 */
@ConfigurationProperties("leadgen.mail")
record MailFooterProperties(String postalAddress) {}
