package app.leadgen.enrichment;

import app.leadgen.leads.ProfileData;
import java.util.List;
import java.util.Map;

/** Port: scrapes Instagram profiles, several usernames per call. */
public interface ProfileScraper {

    /** How many usernames one call should carry. */
    int batchSize();

    /**
     * @return the profiles found, by lower-case username; usernames the scraper did not return are absent
     * @throws app.leadgen.support.ExternalServiceException when the call fails
     */
    Map<String, ProfileData> scrape(List<String> usernames, String sessionId);
}
