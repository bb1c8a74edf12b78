/**
 * The web shell: layout, the start page assembled from the modules' fragments, the page texts for
 * the scripts ({@code PageTexts}), {@code /ping}, language switching and the error handling shared by
 * every page and API.
 */
@org.springframework.modulith.ApplicationModule(
        displayName = "Web",
        allowedDependencies = {"instagram", "leads", "outreach", "support"})
package app.leadgen.web;
