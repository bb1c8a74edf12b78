package app.leadgen.proposal;

import app.leadgen.settings.SettingsStore;
import app.leadgen.support.ApiProblem;
import java.math.BigDecimal;
import java.net.URI;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.springframework.stereotype.Component;
import tools.jackson.databind.json.JsonMapper;

/** The proposal's settings, one JSON value in {@code app_settings} (key {@value #KEY}). */
@Component
class ProposalSettings {

    static final String KEY = "proposal.settings";
    static final int MAX_STUDIES = 20;
    static final int MAX_STUDY = ProposalPdf.MAX_STUDY;
    static final int MAX_CATEGORY = 80;

    /** A package on page 3; {@code price} in euros, null: on request. */
    record ServicePackage(String name, String description, BigDecimal price) {}

    /**
     * @param caseStudies text per category word ({@code *}: every category without its own)
     * @param packages page 3 when the campaign names no product
     * @param bookingLink where the QR code leads when the caller gives no link
     * @param senderPhone the phone number on page 4
     */
    record Values(
            Map<String, String> caseStudies, List<ServicePackage> packages, String bookingLink, String senderPhone) {

        static final List<ServicePackage> DEFAULT_PACKAGES = List.of(
                new ServicePackage(
                        "Start",
                        "Moderne, mobile Website mit bis zu fünf Seiten, Kontaktformular, Impressum und"
                                + " Datenschutz, Eintrag bei Google.",
                        new BigDecimal("990")),
                new ServicePackage(
                        "Business",
                        "Alles aus Start, dazu Online-Terminbuchung oder Reservierung, Bewertungen,"
                                + " Suchmaschinenoptimierung für Ihre Stadt.",
                        new BigDecimal("1990")),
                new ServicePackage(
                        "Plattform",
                        "Ihre eigene Plattform: Bestellungen, Kundenkonto, Zahlungen und Anbindung an Ihre"
                                + " Kasse oder Ihr Warenwirtschaftssystem.",
                        new BigDecimal("3490")));

        static Values empty() {
            return new Values(Map.of(), List.of(), null, null);
        }

        List<ServicePackage> packagesOrDefault() {
            return packages == null || packages.isEmpty() ? DEFAULT_PACKAGES : packages;
        }
    }

    private final SettingsStore store;
    private final JsonMapper json;

    ProposalSettings(SettingsStore store, JsonMapper json) {
        this.store = store;
        this.json = json;
    }

    Values current() {
        return store.get(KEY)
                .filter(v -> !v.isBlank())
                .map(v -> json.readValue(v, Values.class))
                .map(v -> new Values(
                        v.caseStudies() == null ? Map.of() : v.caseStudies(),
                        v.packages() == null ? List.of() : v.packages(),
                        v.bookingLink(),
                        v.senderPhone()))
                .orElseGet(Values::empty);
    }

    Values save(Values body) {
        Values valid = validate(body);
        String text = json.writeValueAsString(valid);
        if (text.length() > SettingsStore.MAX_VALUE_LENGTH) {
            throw ApiProblem.badRequest("problem.proposal.too-long", SettingsStore.MAX_VALUE_LENGTH);
        }
        store.put(KEY, text);
        return current();
    }

    static Values validate(Values body) {
        if (body == null) {
            throw ApiProblem.badRequest("problem.proposal.body");
        }
        Map<String, String> studies = new LinkedHashMap<>();
        if (body.caseStudies() != null) {
            if (body.caseStudies().size() > MAX_STUDIES) {
                throw ApiProblem.badRequest("problem.proposal.studies", MAX_STUDIES, MAX_STUDY);
            }
            body.caseStudies().forEach((category, text) -> {
                String c = category == null ? "" : category.strip();
                if (c.isEmpty()
                        || c.length() > MAX_CATEGORY
                        || c.chars().anyMatch(Character::isISOControl)
                        || text == null
                        || text.isBlank()
                        || text.length() > MAX_STUDY) {
                    throw ApiProblem.badRequest("problem.proposal.studies", MAX_STUDIES, MAX_STUDY);
                }
                studies.put(c, text.strip());
            });
        }
        List<ServicePackage> packages = body.packages() == null ? List.of() : body.packages();
        if (packages.size() > ProposalPdf.MAX_PACKAGES) {
            throw ApiProblem.badRequest("problem.proposal.packages", ProposalPdf.MAX_PACKAGES);
        }
        List<ServicePackage> cleaned = packages.stream()
                .map(p -> {
                    if (p == null
                            || p.name() == null
                            || p.name().isBlank()
                            || p.name().length() > 120
                            || (p.description() != null && p.description().length() > ProposalPdf.MAX_PACKAGE_TEXT)
                            || (p.price() != null
                                    && (p.price().signum() < 0 || p.price().scale() > 2))) {
                        throw ApiProblem.badRequest("problem.proposal.packages", ProposalPdf.MAX_PACKAGES);
                    }
                    return new ServicePackage(p.name().strip(), blankToNull(p.description()), p.price());
                })
                .toList();
        String link = blankToNull(body.bookingLink());
        if (link != null && !isWebAddress(link)) {
            throw ApiProblem.badRequest("problem.proposal.booking-link");
        }
        String phone = blankToNull(body.senderPhone());
        if (phone != null && (phone.length() > 40 || phone.chars().anyMatch(Character::isISOControl))) {
            throw ApiProblem.badRequest("problem.proposal.phone");
        }
        return new Values(studies, cleaned, link, phone);
    }

    private static boolean isWebAddress(String url) {
        if (url.length() > 2000 || url.chars().anyMatch(c -> Character.isWhitespace(c) || Character.isISOControl(c))) {
            return false;
        }
        try {
            URI uri = new URI(url);
            String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
            return (scheme.equals("http") || scheme.equals("https")) && uri.getHost() != null;
        } catch (java.net.URISyntaxException e) {
            return false;
        }
    }

    private static String blankToNull(String s) {
        return s == null || s.isBlank() ? null : s.strip();
    }
}
