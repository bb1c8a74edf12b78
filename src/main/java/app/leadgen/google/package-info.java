/**
 * Google APIs through the official client libraries: OAuth refresh-token credentials (google-auth),
 * Gmail and Sheets clients on configurable base URLs, and Google's JSON error envelope mapped to
 * {@link app.leadgen.support.ExternalServiceException}.
 */
@org.springframework.modulith.ApplicationModule(
        displayName = "Google",
        allowedDependencies = {"support"})
package app.leadgen.google;
