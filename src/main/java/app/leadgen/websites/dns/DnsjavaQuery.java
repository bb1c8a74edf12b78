package app.leadgen.websites.dns;

import app.leadgen.websites.EmailDomainCheck.Answer;
import app.leadgen.websites.EmailDomainCheck.DnsQuery;
import app.leadgen.websites.EmailDomainCheck.RecordType;
import java.time.Duration;
import org.xbill.DNS.Cache;
import org.xbill.DNS.DClass;
import org.xbill.DNS.ExtendedResolver;
import org.xbill.DNS.Lookup;
import org.xbill.DNS.MXRecord;
import org.xbill.DNS.Name;
import org.xbill.DNS.Record;
import org.xbill.DNS.Resolver;
import org.xbill.DNS.TextParseException;
import org.xbill.DNS.Type;

/**
 * {@link DnsQuery} with dnsjava against the system's name servers ({@code /etc/resolv.conf}),
 * because the JDK cannot ask for MX records and its resolver has no timeout. dnsjava's result codes
 * say exactly what we need: HOST_NOT_FOUND is NXDOMAIN, TYPE_NOT_FOUND is NODATA, TRY_AGAIN is a
 * timeout or SERVFAIL.
 */
public final class DnsjavaQuery implements DnsQuery {

    private final Resolver resolver;
    private final Cache cache = new Cache(DClass.IN);

    public DnsjavaQuery(Duration timeout) {
        this(systemResolver(timeout));
    }

    /** For tests: a resolver pointed at a local server. */
    public DnsjavaQuery(Resolver resolver) {
        this.resolver = resolver;
    }

    private static Resolver systemResolver(Duration timeout) {
        ExtendedResolver resolver = new ExtendedResolver();
        resolver.setTimeout(timeout);
        resolver.setRetries(1);
        return resolver;
    }

    @Override
    public Answer query(String asciiDomain, RecordType type) {
        Lookup lookup;
        try {
            // absolute name: no search domains from resolv.conf appended
            lookup = new Lookup(
                    Name.fromString(asciiDomain.endsWith(".") ? asciiDomain : asciiDomain + "."),
                    Type.value(type.name()));
        } catch (TextParseException e) {
            return Answer.NO_SUCH_DOMAIN;
        }
        lookup.setResolver(resolver);
        lookup.setCache(cache);
        lookup.setHostsFileParser(null); // /etc/hosts says nothing about a prospect's mail
        Record[] records = lookup.run();
        return switch (lookup.getResult()) {
            case Lookup.SUCCESSFUL -> type == RecordType.MX && nullMx(records) ? Answer.NULL_MX : Answer.FOUND;
            case Lookup.HOST_NOT_FOUND -> Answer.NO_SUCH_DOMAIN;
            case Lookup.TYPE_NOT_FOUND -> Answer.NO_RECORDS;
            default -> Answer.FAILED;
        };
    }

    private static boolean nullMx(Record[] records) {
        if (records == null || records.length != 1 || !(records[0] instanceof MXRecord mx)) {
            return false;
        }
        return mx.getTarget().equals(Name.root);
    }
}
