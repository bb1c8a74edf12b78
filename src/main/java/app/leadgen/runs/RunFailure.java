package app.leadgen.runs;

import java.util.List;

/**
 * Ends a run FAILED with a message key and its arguments (rendered in the reader's language). Thrown
 * by a pipeline when the run cannot go on.
 */
public class RunFailure extends RuntimeException {

    private final transient Text text;

    public RunFailure(String key, Object... args) {
        super(key + " " + List.of(args));
        this.text = Text.of(key, args);
    }

    public Text text() {
        return text;
    }
}
