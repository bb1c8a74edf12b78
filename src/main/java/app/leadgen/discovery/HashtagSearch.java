package app.leadgen.discovery;

import java.util.List;

/** Port: searches Instagram hashtags for a keyword. */
public interface HashtagSearch {

    /**
     * @param sessionId the user's Instagram session id, or null
     * @throws app.leadgen.support.ExternalServiceException when the search service fails
     */
    List<HashtagHit> search(String keyword, String sessionId);
}
