package app.leadgen.proposal;

/** Lets the benchmark in {@code app.leadgen.bench} call the package-private renderer without Spring. */
public final class BenchAccess {

    private BenchAccess() {}

    /** A proposal with the built-in case studies and packages, and a booking link for the QR code. */
    public static byte[] render(ProposalInput input) {
        return ProposalPdf.render(input, ProposalSettings.Values.empty(), ProposalPdfTest.SENDER);
    }
}
