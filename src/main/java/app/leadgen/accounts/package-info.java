/**
 * Accounts and the door of the app: users with a role ({@code ADMIN}, {@code MEMBER}, {@code VIEWER}),
 * the login page, the first admin, personal API keys and {@code API_KEY}, the one readable access
 * policy ({@code AccessPolicy}) and the one list of public paths ({@code PublicPaths}), the Host
 * check, security headers, request limits and the audit log. Its public API is {@link
 * app.leadgen.accounts.AuditLog}: other modules record what a person did through it.
 */
@org.springframework.modulith.ApplicationModule(
        displayName = "Accounts",
        allowedDependencies = {"support"})
package app.leadgen.accounts;
