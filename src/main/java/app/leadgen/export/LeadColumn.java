package app.leadgen.export;

import app.leadgen.leads.LeadRow;
import java.util.function.Function;

/**
 * The exported columns, in order: the page's columns plus the sources, duplicate flag and profile
 * link. {@code width} is the Excel column width in characters.
 */
enum LeadColumn {
    USERNAME("leads.col.username", 22, LeadRow::username),
    NAME("leads.col.fullName", 24, LeadRow::fullName),
    BIO("leads.col.bio", 60, LeadRow::bio),
    EMAIL("leads.col.email", 30, LeadRow::email),
    EMAIL_SOURCE("export.col.emailSource", 18, LeadRow::emailSource),
    PHONE("leads.col.phone", 18, LeadRow::phone),
    PHONE_SOURCE("export.col.phoneSource", 18, LeadRow::phoneSource),
    WEBSITE("leads.col.website", 30, LeadRow::website),
    WEBSITE_SOURCE("export.col.websiteSource", 18, LeadRow::websiteSource),
    FOLLOWERS("leads.col.followers", 12, LeadRow::followers),
    HASHTAG("leads.col.hashtag", 18, LeadRow::hashtag),
    KEYWORD("leads.col.keyword", 18, LeadRow::keyword),
    FOUND_AT("leads.col.foundAt", 20, LeadRow::foundAt),
    RUN("leads.col.runId", 8, LeadRow::runId),
    DUPLICATE("export.col.duplicate", 10, LeadRow::duplicate),
    PROFILE_URL("export.col.profileUrl", 40, LeadRow::profileUrl),
    SOURCE("export.col.source", 10, LeadRow::source),
    PLACE_NAME("export.col.placeName", 28, LeadRow::name),
    CATEGORY("export.col.category", 18, LeadRow::category),
    ADDRESS("export.col.address", 36, LeadRow::address),
    CITY("export.col.city", 16, LeadRow::city),
    RATING("export.col.rating", 8, LeadRow::rating),
    REVIEWS("export.col.reviewCount", 10, LeadRow::reviewCount),
    STATUS("export.col.status", 14, LeadRow::status),
    SCORE("export.col.score", 8, LeadRow::score),
    SCORE_REASONS("export.col.scoreReasons", 40, LeadColumn::reasons),
    EMAIL_CHECK("export.col.emailCheck", 12, LeadRow::emailCheck),
    EMAIL_GUESSED("export.col.emailGuessed", 10, LeadRow::emailGuessed),
    MAPS_URL("export.col.mapsUrl", 40, LeadRow::mapsUrl);

    /** {@code no-website +40, good-rating +10}: the fired rules in one cell. */
    private static Object reasons(LeadRow row) {
        if (row.scoreReasons() == null) {
            return null;
        }
        return String.join(
                ", ",
                row.scoreReasons().stream()
                        .map(r -> r.rule() + " +" + r.points())
                        .toList());
    }

    final String headerKey;
    final int width;
    final Function<LeadRow, Object> value;

    LeadColumn(String headerKey, int width, Function<LeadRow, Object> value) {
        this.headerKey = headerKey;
        this.width = width;
        this.value = value;
    }
}
