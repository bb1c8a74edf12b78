/**
 * Qualification: the score table of spec §5.2 as small pure rules. A business's known facts give a
 * {@link app.leadgen.qualification.Score} of 0–100 with the rules that fired and their points (the
 * UI's "warum 72?"), and a status: qualified at or above the threshold (50), else disqualified.
 * Points and threshold come from {@code leadgen.qualification.*}.
 */
@org.springframework.modulith.ApplicationModule(
        displayName = "Qualification",
        allowedDependencies = {})
package app.leadgen.qualification;
