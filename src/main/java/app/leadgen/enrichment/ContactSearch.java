package app.leadgen.enrichment;

import app.leadgen.leads.ContactData;

/** Port: looks up public contact details of an Instagram account on the web. */
public interface ContactSearch {

    boolean configured();

    /** The source name recorded for every field this search fills. */
    String source();

    /**
     * @return what was found; {@link ContactData#NONE} when the answer held nothing usable
     * @throws app.leadgen.support.ExternalServiceException when the call fails
     */
    ContactData find(String username);
}
