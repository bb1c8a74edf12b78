package app.leadgen.imports;

import java.util.List;

/**
 * Splits texts the rules could not read into person and company, in batches. The LLM does it
 * ({@link LlmNameSplitter}); without an LLM the import skips this step.
 */
interface NameSplitter {

    boolean available();

    /** {@code llm:<model>}: where the split values came from, for provenance. */
    String source();

    /**
     * One answer per text, in order; {@link PersonName#NONE} where the text gave nothing usable.
     *
     * @throws app.leadgen.support.ExternalServiceException when the call fails
     */
    List<PersonName> split(List<String> texts);
}
