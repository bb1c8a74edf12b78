package app.leadgen.qualification;

import java.util.Arrays;
import java.util.Optional;
import java.util.function.BiPredicate;

/**
 * The rows of the §5.2 score table. Each is a pure function of the facts (plus the minimum rating
 * from configuration); its points are a default that configuration may override. The website rows
 * exclude each other, as in the spec's scorer: no website, else domain does not resolve, else
 * error answer, else a working page without meta tags. Without the exclusion a missing site would
 * also count as "no meta tags".
 */
public enum Rule {
    NO_WEBSITE("no-website", 40, (f, min) -> f.website() == BusinessFacts.Website.NONE),
    DOMAIN_NOT_RESOLVING("domain-not-resolving", 30, (f, min) -> f.website() == BusinessFacts.Website.NO_DNS),
    /** "Website returns 4xx/5xx"; a site that does not answer at all is as bad for its owner. */
    WEBSITE_ERROR(
            "website-error",
            25,
            (f, min) -> f.website() == BusinessFacts.Website.HTTP_ERROR
                    || f.website() == BusinessFacts.Website.UNREACHABLE),
    NO_META_TAGS("no-meta-tags", 15, (f, min) -> f.website() == BusinessFacts.Website.OK && !f.metaTags()),
    NO_SOCIAL_PROFILE("no-social-profile", 10, (f, min) -> !f.instagramOrFacebook()),
    GOOD_RATING("good-rating", 10, (f, min) -> f.rating() != null && f.rating() >= min),
    PHONE_PRESENT("phone-present", 5, (f, min) -> f.phone());

    private final String id;
    private final int defaultPoints;
    private final BiPredicate<BusinessFacts, Double> test;

    Rule(String id, int defaultPoints, BiPredicate<BusinessFacts, Double> test) {
        this.id = id;
        this.defaultPoints = defaultPoints;
        this.test = test;
    }

    /** The rule's name in configuration ({@code leadgen.qualification.points.<id>}) and in reasons. */
    public String id() {
        return id;
    }

    public int defaultPoints() {
        return defaultPoints;
    }

    public boolean fired(BusinessFacts facts, double minRating) {
        return test.test(facts, minRating);
    }

    public static Optional<Rule> byId(String id) {
        return Arrays.stream(values()).filter(r -> r.id.equals(id)).findFirst();
    }
}
