package app.leadgen.imports;

import app.leadgen.support.ExternalServiceException;
import app.leadgen.support.FailureKind;
import app.leadgen.support.Prompts;
import app.leadgen.support.Texts;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Locale;
import org.springframework.stereotype.Component;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * Name splitting by the import's LLM: numbered texts in, {@code {"items": [{"i", "title",
 * "firstName", "lastName", "companyName", "position"}]}} out. Every value must be words of its
 * text: a value the text does not contain is a guess and is dropped, so the LLM can split but
 * never invent.
 */
@Component
class LlmNameSplitter implements NameSplitter {

    static final int MAX_TEXT = 200;

    private final ImportLlm llm;
    private final String systemPrompt;
    private final String userPrompt;

    LlmNameSplitter(ImportLlm llm) {
        this.llm = llm;
        this.systemPrompt = Prompts.load("imports/names-system.txt");
        this.userPrompt = Prompts.load("imports/names-user.txt");
    }

    @Override
    public boolean available() {
        return llm.configured();
    }

    @Override
    public String source() {
        return llm.source();
    }

    @Override
    public List<PersonName> split(List<String> texts) {
        ArrayNode numbered = LlmJson.JSON.createArrayNode();
        for (int i = 0; i < texts.size(); i++) {
            ObjectNode item = numbered.addObject();
            item.put("i", i);
            item.put("text", Texts.clip(texts.get(i), MAX_TEXT));
        }
        String answer = llm.answer(systemPrompt, userPrompt.replace("{texts}", numbered.toString()), true);
        JsonNode root = LlmJson.object(answer);
        JsonNode items = root == null ? null : root.get("items");
        if (items == null || !items.isArray()) {
            throw new ExternalServiceException(
                    "import-llm",
                    FailureKind.MALFORMED,
                    200,
                    "malformed",
                    "the name split answer has no items",
                    false,
                    null);
        }
        List<PersonName> result = new ArrayList<>(Collections.nCopies(texts.size(), PersonName.NONE));
        for (JsonNode item : items) {
            JsonNode index = item.get("i");
            if (index != null && index.canConvertToInt() && index.asInt() >= 0 && index.asInt() < texts.size()) {
                result.set(index.asInt(), person(item, texts.get(index.asInt())));
            }
        }
        return result;
    }

    private static PersonName person(JsonNode item, String text) {
        String title = inText(LlmJson.text(item, "title"), text);
        String first = inText(LlmJson.text(item, "firstName"), text);
        String last = inText(LlmJson.text(item, "lastName"), text);
        String company = inText(LlmJson.text(item, "companyName"), text);
        String position = inText(LlmJson.text(item, "position"), text);
        String full = first == null ? last : last == null ? first : first + " " + last;
        return new PersonName(title, first, last, full, company, position, false);
    }

    /** The value when the text contains it (ignoring case and spacing), else null. */
    private static String inText(String value, String text) {
        if (value == null) {
            return null;
        }
        String haystack = text.toLowerCase(Locale.ROOT).replaceAll("\\s+", " ");
        String needle = value.toLowerCase(Locale.ROOT).replaceAll("\\s+", " ").strip();
        return haystack.contains(needle) ? value.replaceAll("\\s+", " ").strip() : null;
    }
}
