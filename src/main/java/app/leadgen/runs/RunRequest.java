package app.leadgen.runs;

import java.util.Map;

/**
 * What a pipeline wants stored for a new run.
 *
 * @param keyword the run's label, as its pipeline words it (a search word, the cities searched)
 * @param params the pipeline's own parameters (strings)
 * @param secret a secret for the run's job (sealed with {@code SECRET_KEY} before it is stored,
 *     erased when the run ends), or null
 */
public record RunRequest(String keyword, Map<String, String> params, String secret) {

    public RunRequest {
        params = params == null ? Map.of() : Map.copyOf(params);
    }
}
