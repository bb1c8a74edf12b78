package app.leadgen.imports;

import app.leadgen.support.ExternalServiceException;
import app.leadgen.support.Prompts;
import app.leadgen.support.Texts;
import app.leadgen.websites.WebsitesProperties;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.stereotype.Component;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * Proposes which column of a CSV file goes to which lead-book field (seed 004's "AI column
 * mapping"): the LLM gets the headers and at most five sample rows (values clipped to 60
 * characters) and answers with JSON. Its answer is checked: unknown field names and columns become
 * custom fields, columns it left out get the synonym proposal, and of two columns on one field the
 * better one stays. Without an LLM, or when the call fails (401, 429, 5xx, timeout) or the answer
 * is unreadable, the proposal comes from the header synonyms and sample values alone, and says so.
 */
@Component
public class MappingProposer {

    static final int SAMPLE_ROWS = 5;
    static final int SAMPLE_CHARS = 60;

    private static final Logger log = LoggerFactory.getLogger(MappingProposer.class);
    private static final Set<String> NO_FIELD = Set.of("", "null", "none", "custom", "-", "ignore", "skip");

    private final ImportLlm llm;
    private final String region;
    private final String systemPrompt;
    private final String userPrompt;

    @Autowired
    MappingProposer(ImportLlm llm, WebsitesProperties websites) {
        this(llm, websites.phoneRegion());
    }

    MappingProposer(ImportLlm llm, String phoneRegion) {
        this.llm = llm;
        this.region = phoneRegion;
        this.systemPrompt = Prompts.load("imports/mapping-system.txt");
        this.userPrompt = Prompts.load("imports/mapping-user.txt");
    }

    /**
     * @param headers the column names ({@link CsvRows#header()})
     * @param sampleRows the first rows of the file; only the first five are used
     */
    public MappingProposal propose(List<String> headers, List<List<String>> sampleRows) {
        List<List<String>> sample = sampleRows.subList(0, Math.min(SAMPLE_ROWS, sampleRows.size()));
        Map<String, Field> synonyms = Mappings.bySynonyms(headers, sample, region);
        if (!llm.configured()) {
            return new MappingProposal(synonyms, MappingProposal.SYNONYMS, "not-configured");
        }
        String answer;
        try {
            answer = llm.answer(systemPrompt, userPrompt.replace("{table}", table(headers, sample)), false);
        } catch (ExternalServiceException e) {
            log.warn("mapping proposal by the LLM failed, header synonyms instead: {} {}", e.kind(), e.getMessage());
            return new MappingProposal(
                    synonyms, MappingProposal.SYNONYMS, e.kind().name().toLowerCase(Locale.ROOT));
        }
        Map<String, Field> proposed = read(answer, headers);
        if (proposed == null) {
            log.warn("mapping proposal by the LLM was unreadable, header synonyms instead");
            return new MappingProposal(synonyms, MappingProposal.SYNONYMS, "malformed");
        }
        Map<String, Field> merged = new LinkedHashMap<>();
        for (String header : headers) {
            merged.put(
                    header,
                    proposed.containsKey(header) ? proposed.get(header) : synonymIfFree(header, synonyms, proposed));
        }
        return new MappingProposal(Mappings.resolve(merged, headers, sample, region), llm.source(), null);
    }

    /** A column the LLM left out gets the synonym field, unless the LLM gave that field to another column. */
    private static Field synonymIfFree(String header, Map<String, Field> synonyms, Map<String, Field> proposed) {
        Field field = synonyms.get(header);
        return field != null && (Mappings.JOINABLE.contains(field) || !proposed.containsValue(field)) ? field : null;
    }

    /** The columns as JSON: {"columns": [...], "rows": [[...], ...]}, every value clipped. */
    private static String table(List<String> headers, List<List<String>> sample) {
        ObjectNode table = LlmJson.JSON.createObjectNode();
        ArrayNode columns = table.putArray("columns");
        headers.forEach(columns::add);
        ArrayNode rows = table.putArray("rows");
        for (List<String> row : sample) {
            ArrayNode values = rows.addArray();
            for (int i = 0; i < headers.size(); i++) {
                values.add(i < row.size() ? Texts.clip(row.get(i).strip(), SAMPLE_CHARS) : "");
            }
        }
        return table.toString();
    }

    /**
     * The LLM's mapping by column, or null when the answer names none of the columns. Column names
     * are matched exactly, then without case; a field name that is not one becomes null.
     */
    static Map<String, Field> read(String answer, List<String> headers) {
        JsonNode root = LlmJson.object(answer);
        if (root == null) {
            return null;
        }
        JsonNode mapping = root.has("mapping") && root.get("mapping").isObject() ? root.get("mapping") : root;
        Map<String, String> byLowerCase = new HashMap<>();
        headers.forEach(h -> byLowerCase.putIfAbsent(h.toLowerCase(Locale.ROOT), h));
        Map<String, Field> result = new LinkedHashMap<>();
        List<String> unknown = new ArrayList<>();
        for (var entry : mapping.properties()) {
            String column = headers.contains(entry.getKey())
                    ? entry.getKey()
                    : byLowerCase.get(entry.getKey().strip().toLowerCase(Locale.ROOT));
            if (column == null) {
                continue;
            }
            JsonNode value = entry.getValue();
            String name =
                    value == null || !value.isString() ? "" : value.asString().strip();
            Field field = NO_FIELD.contains(name.toLowerCase(Locale.ROOT))
                    ? null
                    : Field.fromJson(name).orElse(null);
            if (field == null && !NO_FIELD.contains(name.toLowerCase(Locale.ROOT))) {
                unknown.add(name);
            }
            result.put(column, field);
        }
        if (!unknown.isEmpty()) {
            log.info("the LLM proposed fields that do not exist, kept as custom fields: {}", unknown);
        }
        return result.isEmpty() ? null : result;
    }
}
