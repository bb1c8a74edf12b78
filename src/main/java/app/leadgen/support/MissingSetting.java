package app.leadgen.support;

/**
 * A setting the app can run without, but whose absence disables something. {@code messageKey}
 * names the German/English text explaining what does not work and how to add it.
 */
public record MissingSetting(String variable, String messageKey) {}
