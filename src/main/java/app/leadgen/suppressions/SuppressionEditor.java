package app.leadgen.suppressions;

import app.leadgen.support.ApiProblem;
import java.io.IOException;
import java.io.InputStream;
import java.util.List;
import java.util.Optional;
import org.springframework.stereotype.Service;

/** What the API and the page change on the list, each input checked here with a problem per mistake. */
@Service
class SuppressionEditor {

    static final int MAX_PAGE_SIZE = 200;

    private final Suppressions suppressions;
    private final SuppressionImport imports;

    SuppressionEditor(Suppressions suppressions, SuppressionImport imports) {
        this.suppressions = suppressions;
        this.imports = imports;
    }

    record Added(Suppression entry, boolean created) {}

    record Imported(long lines, long added, long already, long invalid, List<Long> invalidLines) {}

    List<Suppression> page(String q, int page, int size) {
        return suppressions.page(q, page, size);
    }

    long count(String q) {
        return suppressions.count(q);
    }

    Optional<String> reasonFor(String email) {
        return suppressions.reasonFor(email);
    }

    Added add(String email, String domain, Reason reason) {
        if (reason == Reason.FORGOTTEN) {
            // forgetting is the lead book's (GDPR Art. 17): it keeps a hash, never the address typed here
            throw ApiProblem.badRequest("problem.suppressions.forgotten");
        }
        Key key = key(email, domain);
        Suppressions.Added added = suppressions.insert(key.email(), key.domain(), reason);
        return new Added(added.entry(), added.created());
    }

    Suppression remove(String email, String domain) {
        Key key = key(email, domain);
        Suppression entry = suppressions
                .find(key.email(), key.domain())
                .orElseThrow(() -> ApiProblem.notFound("problem.suppressions.not-found"));
        suppressions.delete(entry.id());
        return entry;
    }

    Suppression delete(long id) {
        Suppression entry =
                suppressions.byId(id).orElseThrow(() -> ApiProblem.notFound("problem.suppressions.not-found"));
        suppressions.delete(id);
        return entry;
    }

    Imported importFile(InputStream in, Reason reason) throws IOException {
        if (reason == Reason.FORGOTTEN) {
            throw ApiProblem.badRequest("problem.suppressions.forgotten");
        }
        SuppressionImport.Result r = imports.read(in, reason);
        return new Imported(r.lines(), r.added(), r.already(), r.invalid(), r.invalidLines());
    }

    private record Key(String email, String domain) {}

    /** Exactly one of the two, normalised; a problem names what is wrong. */
    private static Key key(String email, String domain) {
        boolean hasEmail = email != null && !email.isBlank();
        boolean hasDomain = domain != null && !domain.isBlank();
        if (hasEmail == hasDomain) {
            throw ApiProblem.badRequest("problem.suppressions.one-of");
        }
        if (hasEmail) {
            return new Key(
                    Addresses.email(email)
                            .orElseThrow(() -> ApiProblem.badRequest(
                                    "problem.suppressions.email", SuppressionApiController.echo(email))),
                    null);
        }
        return new Key(
                null,
                Addresses.domain(domain)
                        .orElseThrow(() -> ApiProblem.badRequest(
                                "problem.suppressions.domain", SuppressionApiController.echo(domain))));
    }
}
