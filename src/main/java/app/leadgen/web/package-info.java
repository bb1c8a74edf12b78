/**
 * The web shell: layout, home page, {@code /ping}, the Instagram session endpoint, language
 * switching and the error handling shared by every page and API.
 */
@org.springframework.modulith.ApplicationModule(displayName = "Web")
package app.leadgen.web;
