/**
 * The web shell: layout, home page, {@code /ping}, the Instagram session endpoint, language
 * switching and the error handling shared by every page and API.
 */
@org.springframework.modulith.ApplicationModule(
        displayName = "Web",
        allowedDependencies = {"instagram", "leads", "outreach", "support"})
package app.leadgen.web;
