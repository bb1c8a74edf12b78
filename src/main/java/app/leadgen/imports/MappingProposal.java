package app.leadgen.imports;

import java.util.Map;

/**
 * A proposed column mapping.
 *
 * @param mapping every column of the header, in order, to its field or {@code null} (custom field)
 * @param source {@code llm:<model>} or {@code synonyms}
 * @param llmProblem why the LLM's proposal was not used when the source is {@code synonyms}:
 *     {@code not-configured}, a {@link app.leadgen.support.FailureKind} in lower case
 *     ({@code rate_limited}, {@code unavailable}, {@code timeout}, {@code credentials}, …) or
 *     {@code malformed}; null when the LLM's proposal was used
 */
public record MappingProposal(Map<String, Field> mapping, String source, String llmProblem) {

    public static final String SYNONYMS = "synonyms";
}
