package app.leadgen.campaigns;

import app.leadgen.book.Cards;
import app.leadgen.book.ContactDetail;
import app.leadgen.outreach.MailComposer;
import app.leadgen.products.Product;
import app.leadgen.products.Products;
import app.leadgen.support.ApiProblem;
import app.leadgen.support.ExternalServiceException;
import app.leadgen.support.FailureKind;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Service;

/**
 * The wizard's look ahead: how many contacts an audience has, and one step's mail for a real contact
 * of it, made as preparing makes it (template steps filled by {@link Placeholders}, AI steps drafted by
 * {@link Drafter} with {@link Preparer}'s prompts), the body cleaned as the mail will carry it.
 */
@Service
class CampaignPreview {

    /** What the wizard asks for: the audience (or one contact), the product, and the step to show. */
    record Request(
            CampaignSpec.AudienceSpec audience,
            Long contactId,
            Long after,
            Long productId,
            Integer stepIndex,
            CampaignSpec.Step step,
            String provider,
            String model) {}

    /** One mail as the contact would get it (without the footer and tracking the send adds). */
    record Preview(long contactId, String name, String to, String subject, String html, String text) {}

    private final Audience audience;
    private final Cards cards;
    private final Products products;
    private final Drafter drafter;
    private final Preparer preparer;

    CampaignPreview(Audience audience, Cards cards, Products products, Drafter drafter, Preparer preparer) {
        this.audience = audience;
        this.cards = cards;
        this.products = products;
        this.drafter = drafter;
        this.preparer = preparer;
    }

    long count(CampaignSpec.AudienceSpec a) {
        Audience.check(a);
        return audience.count(a);
    }

    Preview preview(Request r) {
        if (r.step() == null) {
            throw ApiProblem.badRequest("problem.campaigns.step", 1);
        }
        int index = r.stepIndex() == null ? 0 : Math.max(0, r.stepIndex());
        String mode =
                r.step().mode() == null ? "template" : r.step().mode().strip().toLowerCase(Locale.ROOT);
        if (mode.equals("template")) {
            if (blank(r.step().subject()) || blank(r.step().body())) {
                throw ApiProblem.badRequest("problem.campaigns.template", index + 1);
            }
            Placeholders.check(r.step().subject());
            Placeholders.check(r.step().body());
        } else if (mode.equals("ai")) {
            Placeholders.check(r.step().prompt());
        } else {
            throw ApiProblem.badRequest("problem.campaigns.mode", mode);
        }
        Product product = r.productId() == null
                ? null
                : products.find(r.productId())
                        .orElseThrow(() -> ApiProblem.badRequest("problem.campaigns.product", r.productId()));
        ContactDetail contact = cards.contact(contactId(r))
                .orElseThrow(() -> ApiProblem.notFound("problem.contacts.unknown", r.contactId()));
        Map<String, String> values = Placeholders.values(contact, product);
        String subject;
        String html;
        if (mode.equals("template")) {
            subject = Placeholders.fill(r.step().subject(), values, false).strip();
            html = Placeholders.fill(r.step().body(), values, true);
        } else {
            String prompt = blank(r.step().prompt()) ? null : r.step().prompt().strip();
            CampaignSpec.Step step = new CampaignSpec.Step(index, "ai", null, null, prompt);
            Drafter.AiDraft d = draft(r, preparer.userPrompt(contact, values, product, index, step));
            subject = d.subject();
            html = Preparer.withBenefits(d);
        }
        String clean = MailComposer.clean(html);
        String name = values.get("fullName").isEmpty() ? values.get("companyName") : values.get("fullName");
        return new Preview(contact.id(), name, contact.email(), subject, clean, MailComposer.text(clean));
    }

    /** The contact asked for, else the audience's first one after {@code after} (from the start again at its end). */
    private long contactId(Request r) {
        if (r.contactId() != null) {
            return r.contactId();
        }
        Audience.check(r.audience());
        List<Long> next = audience.contactIds(r.audience(), r.after(), 1);
        if (next.isEmpty() && r.after() != null) {
            next = audience.contactIds(r.audience(), null, 1);
        }
        if (next.isEmpty()) {
            throw ApiProblem.conflict("problem.campaigns.preview-empty");
        }
        return next.get(0);
    }

    private Drafter.AiDraft draft(Request r, String user) {
        String provider = blank(r.provider())
                ? drafter.defaultProvider()
                : r.provider().strip().toLowerCase(Locale.ROOT);
        if (!Drafter.PROVIDERS.contains(provider)) {
            throw ApiProblem.badRequest("problem.campaigns.provider-unknown", provider);
        }
        if (!drafter.configured(provider)) {
            throw ApiProblem.conflict("problem.campaigns.provider", provider);
        }
        String model = blank(r.model()) ? null : r.model().strip();
        try {
            return drafter.draft(provider, model, preparer.systemPrompt(), user);
        } catch (Drafter.Unusable e) {
            throw new ApiProblem(HttpStatus.BAD_GATEWAY, "problem.campaigns.preview-unusable", e.getMessage());
        } catch (ExternalServiceException e) {
            HttpStatus status =
                    e.kind() == FailureKind.RATE_LIMITED ? HttpStatus.SERVICE_UNAVAILABLE : HttpStatus.BAD_GATEWAY;
            throw new ApiProblem(status, "problem.campaigns.preview-ai", provider, e.kind(), e.getMessage());
        }
    }

    private static boolean blank(String s) {
        return s == null || s.isBlank();
    }
}
