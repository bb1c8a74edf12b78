package app.leadgen.qualification;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import app.leadgen.qualification.BusinessFacts.Website;
import app.leadgen.qualification.Score.Reason;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

class QualifierTest {

    private final Qualifier spec = new Qualifier(QualificationProperties.spec());

    /** A business that fires no rule: working site with meta tags, social profile, no rating, no phone. */
    private static BusinessFacts quiet() {
        return new BusinessFacts(Website.OK, true, true, null, false);
    }

    // --- every rule on its own

    @Test
    void noWebsite() {
        var facts = new BusinessFacts(Website.NONE, false, true, null, false);
        assertThat(Rule.NO_WEBSITE.fired(facts, 4.0)).isTrue();
        assertThat(Rule.NO_WEBSITE.fired(quiet(), 4.0)).isFalse();
        assertThat(spec.score(facts)).isEqualTo(new Score(40, List.of(new Reason("no-website", 40))));
    }

    @Test
    void domainNotResolving() {
        var facts = new BusinessFacts(Website.NO_DNS, false, true, null, false);
        assertThat(Rule.DOMAIN_NOT_RESOLVING.fired(facts, 4.0)).isTrue();
        assertThat(spec.score(facts).reasons()).containsExactly(new Reason("domain-not-resolving", 30));
    }

    @Test
    void websiteErrorFor4xx5xxAndNoAnswer() {
        for (Website broken : new Website[] {Website.HTTP_ERROR, Website.UNREACHABLE}) {
            var facts = new BusinessFacts(broken, false, true, null, false);
            assertThat(spec.score(facts).reasons()).as(broken.name()).containsExactly(new Reason("website-error", 25));
        }
    }

    @Test
    void noMetaTagsOnlyForAWorkingPage() {
        var facts = new BusinessFacts(Website.OK, false, true, null, false);
        assertThat(spec.score(facts).reasons()).containsExactly(new Reason("no-meta-tags", 15));
        assertThat(Rule.NO_META_TAGS.fired(quiet(), 4.0)).isFalse();
    }

    @Test
    void noSocialProfile() {
        var facts = new BusinessFacts(Website.OK, true, false, null, false);
        assertThat(spec.score(facts).reasons()).containsExactly(new Reason("no-social-profile", 10));
    }

    @Test
    void goodRatingFromFourStars() {
        assertThat(Rule.GOOD_RATING.fired(new BusinessFacts(Website.OK, true, true, 4.0, false), 4.0))
                .isTrue();
        assertThat(Rule.GOOD_RATING.fired(new BusinessFacts(Website.OK, true, true, 3.9, false), 4.0))
                .isFalse();
        assertThat(Rule.GOOD_RATING.fired(quiet(), 4.0)).isFalse(); // no rating at all
        assertThat(spec.score(new BusinessFacts(Website.OK, true, true, 4.7, false))
                        .reasons())
                .containsExactly(new Reason("good-rating", 10));
    }

    @Test
    void phonePresent() {
        var facts = new BusinessFacts(Website.OK, true, true, null, true);
        assertThat(spec.score(facts).reasons()).containsExactly(new Reason("phone-present", 5));
    }

    @Test
    void quietBusinessScoresZero() {
        assertThat(spec.score(quiet())).isEqualTo(new Score(0, List.of()));
    }

    // --- the website rules exclude each other

    @ParameterizedTest
    @EnumSource(Website.class)
    void atMostOneWebsiteRuleFires(Website website) {
        var facts = new BusinessFacts(website, false, true, null, false);
        long websiteRules = Stream.of(Rule.NO_WEBSITE, Rule.DOMAIN_NOT_RESOLVING, Rule.WEBSITE_ERROR, Rule.NO_META_TAGS)
                .filter(r -> r.fired(facts, 4.0))
                .count();
        assertThat(websiteRules).isLessThanOrEqualTo(1);
        if (website == Website.UNKNOWN) {
            assertThat(websiteRules).isZero();
        }
    }

    // --- totals, reasons, status

    @Test
    void explainsItsTotal() {
        // the spec's typical lead: a shop without a website, good rating, phone, no Instagram
        var facts = new BusinessFacts(Website.NONE, false, false, 4.6, true);
        Qualification q = spec.qualify(facts);
        assertThat(q.score().total()).isEqualTo(65);
        assertThat(q.score().reasons())
                .containsExactly(
                        new Reason("no-website", 40),
                        new Reason("no-social-profile", 10),
                        new Reason("good-rating", 10),
                        new Reason("phone-present", 5));
        assertThat(q.score().reasons().stream().mapToInt(Reason::points).sum())
                .isEqualTo(q.score().total());
        assertThat(q.status()).isEqualTo(Qualification.Status.QUALIFIED);
        assertThat(q.status().value()).isEqualTo("qualified");
    }

    @Test
    void thresholdIsInclusive() {
        // 25 + 10 + 10 + 5 = 50
        var fifty = new BusinessFacts(Website.HTTP_ERROR, false, false, 4.0, true);
        assertThat(spec.qualify(fifty).score().total()).isEqualTo(50);
        assertThat(spec.qualify(fifty).status()).isEqualTo(Qualification.Status.QUALIFIED);
        // 25 + 10 + 10 = 45
        var fortyFive = new BusinessFacts(Website.HTTP_ERROR, false, false, 4.0, false);
        assertThat(spec.qualify(fortyFive).status()).isEqualTo(Qualification.Status.DISQUALIFIED);
        assertThat(Qualification.Status.DISQUALIFIED.value()).isEqualTo("disqualified");
    }

    @Test
    void pointsThresholdAndRatingFromConfiguration() {
        var configured =
                new Qualifier(new QualificationProperties(30, 4.5, Map.of("no-website", 25, "phone-present", 0)));
        var facts = new BusinessFacts(Website.NONE, false, true, 4.4, true);
        Qualification q = configured.qualify(facts);
        assertThat(q.score().reasons()).containsExactly(new Reason("no-website", 25), new Reason("phone-present", 0));
        assertThat(q.score().total()).isEqualTo(25);
        assertThat(q.status()).isEqualTo(Qualification.Status.DISQUALIFIED);
    }

    @Test
    void totalStaysWithinZeroToHundred() {
        var generous = new Qualifier(new QualificationProperties(50, 4.0, Map.of("no-website", 90, "good-rating", 30)));
        assertThat(generous.score(new BusinessFacts(Website.NONE, false, true, 5.0, false))
                        .total())
                .isEqualTo(100);
        var negative = new Qualifier(new QualificationProperties(50, 4.0, Map.of("phone-present", -20)));
        assertThat(negative.score(new BusinessFacts(Website.OK, true, true, null, true))
                        .total())
                .isZero();
    }

    @Test
    void unknownRuleInConfigurationFailsAtStart() {
        assertThatThrownBy(() -> new Qualifier(new QualificationProperties(50, 4.0, Map.of("no-websiet", 40))))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("no-websiet")
                .hasMessageContaining("no-website");
    }

    @Test
    void theSpecTable() {
        assertThat(Arrays.stream(Rule.values()).map(r -> r.id() + "=" + r.defaultPoints()))
                .containsExactly(
                        "no-website=40",
                        "domain-not-resolving=30",
                        "website-error=25",
                        "no-meta-tags=15",
                        "no-social-profile=10",
                        "good-rating=10",
                        "phone-present=5");
    }
}
