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
    PROFILE_URL("export.col.profileUrl", 40, LeadRow::profileUrl);

    final String headerKey;
    final int width;
    final Function<LeadRow, Object> value;

    LeadColumn(String headerKey, int width, Function<LeadRow, Object> value) {
        this.headerKey = headerKey;
        this.width = width;
        this.value = value;
    }
}
