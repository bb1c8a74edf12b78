/**
 * The PDF proposal per lead (seed 002 §5.3): four pages — why the business needs a digital platform
 * (the AI's text or a default), a case study of its industry, the service packages and prices, the
 * sender's contact details with a QR code to the booking link. Owns the settings under
 * {@code /api/settings/proposal} (stored in {@code app_settings}) and the preview {@code GET
 * /api/contacts/{id}/proposal.pdf}. Its API is {@link app.leadgen.proposal.Proposals} with {@link
 * app.leadgen.proposal.ProposalInput}.
 */
@org.springframework.modulith.ApplicationModule(
        displayName = "Proposal",
        allowedDependencies = {"book", "settings", "support", "accounts"})
package app.leadgen.proposal;
