package app.leadgen.proposal;

import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Page 2: the case study of a lead's industry. The settings' texts come first (key: a word of the
 * category, e.g. „Bäckerei"; key {@code *}: every other category), then the built-in texts for a
 * handful of common categories, then a generic one.
 */
final class CaseStudies {

    static final String ANY = "*";

    record Study(String title, String text) {}

    private record Builtin(List<String> words, Study study) {}

    private static final List<Builtin> BUILTIN = List.of(
            new Builtin(
                    List.of("restaurant", "gastro", "pizzeria", "imbiss", "bistro", "trattoria", "food"),
                    new Study(
                            "Fallbeispiel: Restaurant",
                            "Ein Restaurant mit 60 Plätzen nahm Reservierungen nur telefonisch an – während des"
                                    + " Service blieb das Telefon oft unbeantwortet. Mit einer eigenen Website,"
                                    + " Online-Reservierung und einer stets aktuellen Speisekarte kamen im ersten"
                                    + " Quartal 35 % mehr Reservierungen herein, ein Drittel davon außerhalb der"
                                    + " Öffnungszeiten. Die Bewertungen bei Google stiegen, weil Gäste nach dem"
                                    + " Besuch per E-Mail um ihre Meinung gebeten wurden.")),
            new Builtin(
                    List.of("café", "cafe", "coffee", "kaffee"),
                    new Study(
                            "Fallbeispiel: Café",
                            "Ein Café in der Innenstadt zeigte seine Kuchen nur im Schaufenster. Seit es eine"
                                    + " Website mit Tagesangebot, Vorbestellung für Torten und Eventkalender hat,"
                                    + " kommen jede Woche rund 25 Tortenbestellungen online herein, und die"
                                    + " Frühstücks-Events sind regelmäßig ausgebucht.")),
            new Builtin(
                    List.of("bäcker", "baecker", "bakery", "konditor"),
                    new Study(
                            "Fallbeispiel: Bäckerei",
                            "Eine Familienbäckerei mit drei Filialen nahm Vorbestellungen per Telefon und Zettel"
                                    + " an. Mit einer Bestellseite für Brötchen, Torten und Catering sank der"
                                    + " Aufwand am Telefon spürbar, Fehlbestellungen gingen zurück und am"
                                    + " Wochenende wird heute 20 % mehr vorbestellt – planbar und ohne Retouren.")),
            new Builtin(
                    List.of("friseur", "frisör", "hair", "barber", "salon", "beauty", "kosmetik"),
                    new Study(
                            "Fallbeispiel: Friseursalon",
                            "Ein Salon mit vier Stühlen verlor Zeit mit Terminabsprachen am Telefon. Seit Kundinnen"
                                    + " und Kunden ihre Termine online buchen und automatisch erinnert werden, sind"
                                    + " die Ausfälle um 40 % gesunken und die Auslastung am Vormittag gestiegen.")),
            new Builtin(
                    List.of("zahnarzt", "dentist", "arzt", "praxis", "doctor", "physio", "therap"),
                    new Study(
                            "Fallbeispiel: Praxis",
                            "Eine Praxis war telefonisch kaum erreichbar. Eine Website mit Online-Terminbuchung,"
                                    + " Leistungsübersicht und Anfahrt entlastete das Team am Empfang: ein Viertel"
                                    + " der Termine wird heute online vereinbart, neue Patientinnen und Patienten"
                                    + " finden die Praxis über die Suche.")),
            new Builtin(
                    List.of(
                            "handwerk",
                            "elektri",
                            "electrician",
                            "plumber",
                            "sanitär",
                            "heizung",
                            "maler",
                            "dachdecker",
                            "tischler",
                            "schreiner",
                            "contractor"),
                    new Study(
                            "Fallbeispiel: Handwerksbetrieb",
                            "Ein Handwerksbetrieb bekam Aufträge fast nur über Empfehlungen. Mit einer Website,"
                                    + " Referenzprojekten mit Fotos und einem Anfrageformular mit Upload kamen"
                                    + " jeden Monat zehn bis fünfzehn qualifizierte Anfragen hinzu – mit allen"
                                    + " Angaben, die für ein Angebot nötig sind.")),
            new Builtin(
                    List.of("hotel", "pension", "lodging", "ferienwohnung", "gasthof"),
                    new Study(
                            "Fallbeispiel: Hotel",
                            "Ein Hotel mit 25 Zimmern zahlte für fast jede Buchung Provision an Portale. Eine"
                                    + " eigene Website mit Direktbuchung und Bestpreis-Garantie brachte im ersten"
                                    + " Jahr 30 % der Buchungen direkt – ohne Provision.")),
            new Builtin(
                    List.of("fitness", "gym", "yoga", "sport", "studio"),
                    new Study(
                            "Fallbeispiel: Fitnessstudio",
                            "Ein Studio verkaufte Probetrainings nur vor Ort. Mit Kursplan, Online-Probetraining"
                                    + " und Mitgliedschaft zum Abschließen im Netz stieg die Zahl der"
                                    + " Neuanmeldungen in drei Monaten um 45 %.")));

    static final Study GENERIC = new Study(
            "Fallbeispiel: Lokales Unternehmen",
            "Ein lokales Unternehmen war online kaum zu finden: keine eigene Website, nur ein Eintrag bei Google."
                    + " Mit einer schnellen, mobilen Website, klaren Leistungen, Kontaktformular und Online-Termin"
                    + " kamen innerhalb von drei Monaten doppelt so viele Anfragen herein – und die Kundschaft fand"
                    + " Öffnungszeiten, Preise und Anfahrt ohne Anruf.");

    private CaseStudies() {}

    /** The study for a category: the settings' text, a built-in one, or the generic one. */
    static Study forCategory(String category, Map<String, String> configured) {
        String c = category == null ? "" : category.toLowerCase(Locale.ROOT).strip();
        if (configured != null && !c.isEmpty()) {
            for (Map.Entry<String, String> e : configured.entrySet()) {
                String key = e.getKey().toLowerCase(Locale.ROOT).strip();
                if (!key.equals(ANY) && !key.isEmpty() && (c.contains(key) || key.contains(c))) {
                    return new Study("Fallbeispiel: " + e.getKey().strip(), e.getValue());
                }
            }
        }
        if (!c.isEmpty()) {
            for (Builtin b : BUILTIN) {
                if (b.words().stream().anyMatch(c::contains)) {
                    return b.study();
                }
            }
        }
        if (configured != null && configured.get(ANY) != null) {
            return new Study(GENERIC.title(), configured.get(ANY));
        }
        return GENERIC;
    }
}
