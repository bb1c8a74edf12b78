/**
 * Settings that an operator changes at run time in the UI (prompts, model names, limits), stored in
 * the database. Bootstrap configuration (database, port, credentials) stays in the environment.
 */
@org.springframework.modulith.ApplicationModule(
        displayName = "Settings",
        allowedDependencies = {})
package app.leadgen.settings;
