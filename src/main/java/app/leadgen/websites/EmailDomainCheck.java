package app.leadgen.websites;

import java.net.IDN;
import java.util.Locale;

/**
 * Decides {@link EmailCheck} for an address from DNS answers: MX first (RFC 5321 §5.1), then A and
 * AAAA, because a domain without MX still receives mail on its address record. The DNS queries go
 * through a {@link DnsQuery} so the decision can be tested without a network; production uses
 * dnsjava with a timeout.
 */
public final class EmailDomainCheck {

    /** Record types this check asks for. */
    public enum RecordType {
        MX,
        A,
        AAAA
    }

    /** The answer to one query. */
    public enum Answer {
        /** At least one record of the type. */
        FOUND,
        /** MX only: the single "." record of RFC 7505, "this domain takes no mail". */
        NULL_MX,
        /** NXDOMAIN: the name does not exist. */
        NO_SUCH_DOMAIN,
        /** The name exists but has no record of this type (NODATA). */
        NO_RECORDS,
        /** Timeout, SERVFAIL, network error: we do not know. */
        FAILED
    }

    /** One DNS query for an ASCII (punycode) domain. Must not throw; failures are {@link Answer#FAILED}. */
    @FunctionalInterface
    public interface DnsQuery {
        Answer query(String asciiDomain, RecordType type);
    }

    private final DnsQuery dns;

    public EmailDomainCheck(DnsQuery dns) {
        this.dns = dns;
    }

    /** Checks the domain of {@code emailOrDomain} ({@code info@firma.de} or {@code firma.de}). */
    public EmailCheck check(String emailOrDomain) {
        String domain =
                emailOrDomain.substring(emailOrDomain.lastIndexOf('@') + 1).trim();
        String ascii;
        try {
            ascii = IDN.toASCII(domain, IDN.ALLOW_UNASSIGNED).toLowerCase(Locale.ROOT);
        } catch (IllegalArgumentException e) {
            return EmailCheck.NO_DOMAIN;
        }
        if (ascii.isEmpty() || !ascii.contains(".")) {
            return EmailCheck.NO_DOMAIN;
        }
        return switch (ask(ascii, RecordType.MX)) {
            case FOUND -> EmailCheck.OK;
            case NULL_MX, NO_SUCH_DOMAIN -> EmailCheck.NO_DOMAIN;
            case FAILED -> EmailCheck.LOOKUP_FAILED;
            case NO_RECORDS -> addressRecords(ascii);
        };
    }

    private EmailCheck addressRecords(String ascii) {
        Answer a = ask(ascii, RecordType.A);
        if (a == Answer.FOUND) {
            return EmailCheck.OK;
        }
        Answer aaaa = ask(ascii, RecordType.AAAA);
        if (aaaa == Answer.FOUND) {
            return EmailCheck.OK;
        }
        return a == Answer.FAILED || aaaa == Answer.FAILED ? EmailCheck.LOOKUP_FAILED : EmailCheck.NO_DOMAIN;
    }

    private Answer ask(String domain, RecordType type) {
        try {
            Answer answer = dns.query(domain, type);
            return answer == null ? Answer.FAILED : answer;
        } catch (RuntimeException e) {
            return Answer.FAILED;
        }
    }
}
