package app.leadgen.outreach;

/** Port: an LLM that writes a subject and body from a system and a user prompt. */
public interface DraftWriter {

    boolean configured();

    /**
     * @throws app.leadgen.support.ExternalServiceException when the model's service fails
     * @throws DraftParser.UnusableAnswer when the answer holds no subject and body
     */
    Draft write(String systemPrompt, String userPrompt, String model);
}
