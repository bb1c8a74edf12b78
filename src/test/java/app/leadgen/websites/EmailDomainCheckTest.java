package app.leadgen.websites;

import static app.leadgen.websites.EmailDomainCheck.Answer.FAILED;
import static app.leadgen.websites.EmailDomainCheck.Answer.FOUND;
import static app.leadgen.websites.EmailDomainCheck.Answer.NO_RECORDS;
import static app.leadgen.websites.EmailDomainCheck.Answer.NO_SUCH_DOMAIN;
import static app.leadgen.websites.EmailDomainCheck.Answer.NULL_MX;
import static org.assertj.core.api.Assertions.assertThat;

import app.leadgen.websites.EmailDomainCheck.Answer;
import app.leadgen.websites.EmailDomainCheck.RecordType;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The decision from DNS answers, with the answers given by the test. */
class EmailDomainCheckTest {

    private final List<String> queries = new ArrayList<>();

    private EmailDomainCheck dns(Answer mx, Answer a, Answer aaaa) {
        Map<RecordType, Answer> answers = Map.of(RecordType.MX, mx, RecordType.A, a, RecordType.AAAA, aaaa);
        return new EmailDomainCheck((domain, type) -> {
            queries.add(type + " " + domain);
            return answers.get(type);
        });
    }

    @Test
    void mxFoundIsOkWithoutFurtherQueries() {
        assertThat(dns(FOUND, FAILED, FAILED).check("info@baeckerei-schmidt.de"))
                .isEqualTo(EmailCheck.OK);
        assertThat(queries).containsExactly("MX baeckerei-schmidt.de");
    }

    @Test
    void noSuchDomain() {
        assertThat(dns(NO_SUCH_DOMAIN, FAILED, FAILED).check("info@gibt-es-nicht.de"))
                .isEqualTo(EmailCheck.NO_DOMAIN);
    }

    @Test
    void nullMxMeansNoMail() {
        assertThat(dns(NULL_MX, FOUND, FOUND).check("info@nomail.de")).isEqualTo(EmailCheck.NO_DOMAIN);
    }

    @Test
    void failedMxLookupIsNotProofOfABadAddress() {
        assertThat(dns(FAILED, FOUND, FOUND).check("info@firma.de")).isEqualTo(EmailCheck.LOOKUP_FAILED);
    }

    @Test
    void withoutMxTheAddressRecordReceivesMail() {
        assertThat(dns(NO_RECORDS, FOUND, NO_RECORDS).check("info@firma.de")).isEqualTo(EmailCheck.OK);
        assertThat(dns(NO_RECORDS, NO_RECORDS, FOUND).check("info@firma.de")).isEqualTo(EmailCheck.OK);
    }

    @Test
    void withoutMxAndWithoutAddressThereIsNoMailHost() {
        assertThat(dns(NO_RECORDS, NO_RECORDS, NO_RECORDS).check("info@firma.de"))
                .isEqualTo(EmailCheck.NO_DOMAIN);
    }

    @Test
    void withoutMxAFailedAddressLookupStaysUnknown() {
        assertThat(dns(NO_RECORDS, FAILED, NO_RECORDS).check("info@firma.de")).isEqualTo(EmailCheck.LOOKUP_FAILED);
        assertThat(dns(NO_RECORDS, NO_RECORDS, FAILED).check("info@firma.de")).isEqualTo(EmailCheck.LOOKUP_FAILED);
    }

    @Test
    void aThrowingOrSilentResolverCountsAsFailed() {
        assertThat(new EmailDomainCheck((d, t) -> {
                            throw new IllegalStateException("network down");
                        })
                        .check("info@firma.de"))
                .isEqualTo(EmailCheck.LOOKUP_FAILED);
        assertThat(new EmailDomainCheck((d, t) -> null).check("info@firma.de")).isEqualTo(EmailCheck.LOOKUP_FAILED);
    }

    @Test
    void umlautDomainIsAskedInPunycode() {
        dns(FOUND, FOUND, FOUND).check("info@bäckerei-müller.de");
        assertThat(queries).containsExactly("MX xn--bckerei-mller-bfb28a.de");
    }

    @Test
    void invalidDomainsAreNotAsked() {
        EmailDomainCheck check = dns(FOUND, FOUND, FOUND);
        assertThat(check.check("info@localhost")).isEqualTo(EmailCheck.NO_DOMAIN);
        assertThat(check.check("info@")).isEqualTo(EmailCheck.NO_DOMAIN);
        assertThat(queries).isEmpty();
    }

    @Test
    void valuesAsStored() {
        assertThat(EmailCheck.OK.value()).isEqualTo("ok");
        assertThat(EmailCheck.NO_DOMAIN.value()).isEqualTo("no_domain");
        assertThat(EmailCheck.LOOKUP_FAILED.value()).isEqualTo("lookup_failed");
    }
}
