package app.leadgen.testing;

import app.leadgen.websites.EmailDomainCheck;
import app.leadgen.websites.SafeFetcher;
import app.leadgen.websites.fetch.HttpSafeFetcher;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Primary;

/**
 * The app's website reading in tests: the real fetcher, extractor and DNS decision, with the
 * network faked at its edges. Names resolve only to {@link Fakes#WEB} (any other name does not
 * exist, so nothing reaches the internet) and e-mail domains have MX records only when listed in
 * {@link Fakes#MAIL_DOMAINS}.
 */
@TestConfiguration(proxyBeanMethods = false)
public class LocalWebsites {

    @Bean
    @Primary
    SafeFetcher localSafeFetcher() {
        return new HttpSafeFetcher(WebsiteSettings.local(), Fakes.WEB.resolver(), Fakes.WEB.router());
    }

    @Bean
    @Primary
    EmailDomainCheck localEmailDomainCheck() {
        return new EmailDomainCheck(
                (domain, type) -> type == EmailDomainCheck.RecordType.MX && Fakes.MAIL_DOMAINS.contains(domain)
                        ? EmailDomainCheck.Answer.FOUND
                        : EmailDomainCheck.Answer.NO_SUCH_DOMAIN);
    }
}
