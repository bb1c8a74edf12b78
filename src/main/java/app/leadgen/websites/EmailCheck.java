package app.leadgen.websites;

import java.util.Locale;

/** What DNS says about an e-mail's domain. Only {@link #NO_DOMAIN} is a reason to skip the address. */
public enum EmailCheck {
    /** The domain has MX records, or (without MX) an A/AAAA record that takes mail by default. */
    OK,
    /** The domain does not exist, has no mail host at all, or says it takes no mail (null MX). */
    NO_DOMAIN,
    /** DNS did not answer in time or failed: not proof of a bad address, so the address stays. */
    LOOKUP_FAILED;

    /** {@code ok}, {@code no_domain}, {@code lookup_failed}: the form stored and shown. */
    public String value() {
        return name().toLowerCase(Locale.ROOT);
    }
}
