package app.leadgen.websites;

import app.leadgen.websites.dns.DnsjavaQuery;
import app.leadgen.websites.fetch.HttpSafeFetcher;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

@Configuration(proxyBeanMethods = false)
class WebsitesConfiguration {

    @Bean(destroyMethod = "close")
    HttpSafeFetcher safeFetcher(WebsitesProperties properties) {
        return new HttpSafeFetcher(properties);
    }

    @Bean
    ContactExtractor contactExtractor(WebsitesProperties properties) {
        return new ContactExtractor(properties.phoneRegion());
    }

    @Bean
    EmailDomainCheck emailDomainCheck(WebsitesProperties properties) {
        return new EmailDomainCheck(new DnsjavaQuery(properties.dnsTimeout()));
    }

    @Bean
    WebsiteContacts websiteContacts(
            WebsitesProperties properties,
            SafeFetcher fetcher,
            ContactExtractor extractor,
            EmailDomainCheck domainCheck) {
        return new WebsiteContacts(properties.maxPages(), fetcher, extractor, domainCheck);
    }
}
