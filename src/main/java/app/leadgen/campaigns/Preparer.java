package app.leadgen.campaigns;

import app.leadgen.book.Cards;
import app.leadgen.book.ContactDetail;
import app.leadgen.products.Product;
import app.leadgen.products.Products;
import app.leadgen.support.ExternalServiceException;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.core.io.ClassPathResource;
import org.springframework.stereotype.Component;
import org.springframework.web.util.HtmlUtils;

/**
 * Preparing a campaign (the JobRunr job of {@code POST /api/campaigns/{id}/prepare}): one message per
 * audience contact and step. Template steps are filled in; AI steps are drafted by the campaign's
 * provider, each answer checked, a failed one retried and then stored as {@code FAILED} without a
 * body (never sent; {@code prepare} again writes it anew). With approval on, messages wait as
 * {@code DRAFTED}, else they are {@code QUEUED}. Run again, it adds only what is missing.
 */
@Component
class Preparer {

    private static final Logger log = LoggerFactory.getLogger(Preparer.class);

    private final CampaignStore campaigns;
    private final MessageStore messages;
    private final Audience audience;
    private final Cards cards;
    private final Products products;
    private final Drafter drafter;
    private final CampaignProperties properties;
    private final String system = resource("system.txt");
    private final String business = resource("business.txt");
    private final String instagram = resource("instagram.txt");

    Preparer(
            CampaignStore campaigns,
            MessageStore messages,
            Audience audience,
            Cards cards,
            Products products,
            Drafter drafter,
            CampaignProperties properties) {
        this.campaigns = campaigns;
        this.messages = messages;
        this.audience = audience;
        this.cards = cards;
        this.products = products;
        this.drafter = drafter;
        this.properties = properties;
    }

    void prepare(long campaignId) {
        Optional<CampaignStore.Row> found = campaigns.find(campaignId);
        if (found.isEmpty() || !found.get().status().equals("PREPARING")) {
            return; // stopped or deleted meanwhile
        }
        CampaignStore.Row campaign = found.get();
        Product product = campaign.productId() == null
                ? null
                : products.find(campaign.productId()).orElse(null);
        String status = campaign.requireApproval() ? "DRAFTED" : "QUEUED";
        // LLM calls are slow (hundreds of milliseconds): a few contacts are drafted at once
        ExecutorService pool = Executors.newFixedThreadPool(Math.max(1, properties.draftConcurrency()));
        try {
            List<Future<?>> work = new ArrayList<>();
            for (long contactId : audience.contactIds(campaign.audience())) {
                work.add(pool.submit(() -> prepareContact(campaign, contactId, product, status)));
            }
            for (Future<?> f : work) {
                f.get();
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while preparing campaign " + campaignId, e);
        } catch (ExecutionException e) {
            throw new IllegalStateException("preparing campaign " + campaignId + " failed", e.getCause());
        } finally {
            pool.shutdownNow();
        }
        if (!campaigns.find(campaignId).map(r -> r.status().equals("PREPARING")).orElse(false)) {
            return; // stopped while preparing
        }
        campaigns.move(campaignId, List.of("PREPARING"), "READY", null);
    }

    private void prepareContact(CampaignStore.Row campaign, long contactId, Product product, String status) {
        long campaignId = campaign.id();
        if (!campaigns.find(campaignId).map(r -> r.status().equals("PREPARING")).orElse(false)) {
            return; // stopped while preparing
        }
        Optional<ContactDetail> contact = cards.contact(contactId);
        if (contact.isEmpty() || contact.get().email() == null) {
            return;
        }
        ContactDetail c = contact.get();
        Map<String, String> values = Placeholders.values(c, product);
        List<CampaignSpec.Step> steps = campaign.steps();
        for (int step = 0; step < steps.size(); step++) {
            if (messages.exists(campaignId, contactId, step)) {
                continue;
            }
            CampaignSpec.Step s = steps.get(step);
            if ("template".equals(s.mode())) {
                messages.insert(
                        campaignId,
                        contactId,
                        step,
                        c.email(),
                        Placeholders.fill(s.subject(), values, false).strip(),
                        Placeholders.fill(s.body(), values, true),
                        null,
                        status,
                        null,
                        null);
            } else {
                draft(campaign, c, values, product, step, s, status);
            }
        }
    }

    private void draft(
            CampaignStore.Row campaign,
            ContactDetail c,
            Map<String, String> values,
            Product product,
            int step,
            CampaignSpec.Step s,
            String status) {
        String user = userPrompt(c, values, product, step, s);
        String error = null;
        for (int attempt = 1; attempt <= properties.draftAttempts(); attempt++) {
            try {
                Drafter.AiDraft d = drafter.draft(campaign.provider(), campaign.model(), system, user);
                messages.insert(
                        campaign.id(),
                        c.id(),
                        step,
                        c.email(),
                        d.subject(),
                        withBenefits(d),
                        CampaignStore.JSON.writeValueAsString(d.benefits()),
                        status,
                        null,
                        null);
                return;
            } catch (Drafter.Unusable e) {
                error = "draft_failed: " + e.getMessage();
            } catch (ExternalServiceException e) {
                error = "draft_failed: " + e.kind() + " " + e.getMessage();
                if (!e.retryable()) {
                    break;
                }
            }
            log.info("draft {} of campaign {} for contact {} failed: {}", attempt, campaign.id(), c.id(), error);
        }
        messages.insert(campaign.id(), c.id(), step, c.email(), null, null, null, "FAILED", null, error);
    }

    /** The system prompt of every AI step. */
    String systemPrompt() {
        return system;
    }

    /** The default prompt of an AI step: seed 002's for businesses, seed 000's for Instagram accounts. */
    String defaultPrompt(boolean business) {
        return business ? this.business : instagram;
    }

    /**
     * What an AI step asks the model for this contact: its prompt (blank: the default for the contact's
     * kind, with the product and, for a follow-up, a note on it) with the placeholders filled.
     */
    String userPrompt(ContactDetail c, Map<String, String> values, Product product, int step, CampaignSpec.Step s) {
        boolean business = c.instagram() == null || c.company() != null;
        String template = s.prompt() != null ? s.prompt() : defaultPrompt(business);
        StringBuilder user = new StringBuilder(Placeholders.fill(template, values, false));
        if (product != null && s.prompt() == null) {
            user.append("\n\nDas Angebot, um das es geht: ")
                    .append(Placeholders.fill(
                            "{product.name} – {product.description} ({product.price}) {product.url}", values, false));
        }
        if (step > 0 && s.prompt() == null) {
            user.append("\n\nDies ist Nachfass-E-Mail Nr. ")
                    .append(step)
                    .append(": kurz, freundlich, mit Bezug auf die erste E-Mail, ohne Druck.");
        }
        return user.toString();
    }

    /** The benefits as a list when the body does not name them already (seed 002 §5.3: three bullet points). */
    static String withBenefits(Drafter.AiDraft d) {
        if (d.bodyHtml().contains(d.benefits().get(0))) {
            return d.bodyHtml();
        }
        StringBuilder list = new StringBuilder("<ul>");
        for (String b : d.benefits()) {
            list.append("<li>").append(HtmlUtils.htmlEscape(b, "UTF-8")).append("</li>");
        }
        return d.bodyHtml() + list.append("</ul>");
    }

    private static String resource(String name) {
        try {
            return new ClassPathResource("prompts/campaigns/" + name)
                    .getContentAsString(StandardCharsets.UTF_8)
                    .strip();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
