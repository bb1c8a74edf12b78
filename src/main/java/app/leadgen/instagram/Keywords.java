package app.leadgen.instagram;

import app.leadgen.support.ApiProblem;

/** The keyword of an Instagram run: what a user may type. */
public final class Keywords {

    public static final int MAX_LENGTH = 100;

    private Keywords() {}

    /** The keyword without leading {@code #} and surrounding blanks; 400 problem when unusable. */
    public static String valid(String raw) {
        if (raw == null || raw.isBlank()) {
            throw ApiProblem.badRequest("problem.runs.keyword-blank");
        }
        String keyword = raw.strip();
        while (keyword.startsWith("#")) {
            keyword = keyword.substring(1).strip();
        }
        if (keyword.length() > MAX_LENGTH) {
            throw ApiProblem.badRequest("problem.runs.keyword-long", MAX_LENGTH);
        }
        if (keyword.isEmpty()
                || keyword.codePoints().anyMatch(c -> Character.isISOControl(c) || c == '<' || c == '>')) {
            throw ApiProblem.badRequest("problem.runs.keyword-malformed");
        }
        return keyword;
    }
}
