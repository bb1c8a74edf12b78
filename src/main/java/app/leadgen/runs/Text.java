package app.leadgen.runs;

import java.util.List;

/** A message key with its arguments, rendered in the reader's language when it is shown. */
public record Text(String key, List<Object> args) {

    public Text {
        args = args == null ? List.of() : List.copyOf(args);
    }

    public static Text of(String key, Object... args) {
        return new Text(key, List.of(args));
    }
}
