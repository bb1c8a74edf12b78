package app.leadgen.campaigns;

import app.leadgen.products.Products;
import app.leadgen.support.ApiProblem;
import java.time.DayOfWeek;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Service;

/**
 * The campaign lifecycle: {@code DRAFT → PREPARING → READY → SENDING ⇄ PAUSED → COMPLETED}, and
 * {@code STOPPED}. Every move is a compare-and-set on the status, so two clicks or two instances
 * cannot move a campaign twice.
 */
@Service
class Campaigns {

    static final int MAX_STEPS = 5;
    static final int MAX_TEMPLATE = 50_000;
    static final List<String> DEFAULT_DAYS = List.of("MONDAY", "TUESDAY", "WEDNESDAY", "THURSDAY", "FRIDAY");

    private final CampaignStore store;
    private final MessageStore messages;
    private final Mailboxes mailboxes;
    private final Products products;
    private final Drafter drafter;
    private final Pacing pacing;
    private final CampaignQueue queue;
    private final String postalAddress;
    private final String appUrl;

    Campaigns(
            CampaignStore store,
            MessageStore messages,
            Mailboxes mailboxes,
            Products products,
            Drafter drafter,
            Pacing pacing,
            CampaignQueue queue,
            @Value("${leadgen.mail.postal-address:}") String postalAddress,
            @Value("${leadgen.tracking.app-url:}") String appUrl) {
        this.store = store;
        this.messages = messages;
        this.mailboxes = mailboxes;
        this.products = products;
        this.drafter = drafter;
        this.pacing = pacing;
        this.queue = queue;
        this.postalAddress = postalAddress;
        this.appUrl = appUrl;
    }

    Campaign view(CampaignStore.Row row) {
        return row.view(pacing.nextSendAt(row), messages.counts(row.id()));
    }

    CampaignStore.Row row(long id) {
        return store.find(id).orElseThrow(() -> ApiProblem.notFound("problem.campaigns.not-found", id));
    }

    Campaign get(long id) {
        return view(row(id));
    }

    List<Campaign> all() {
        return store.all().stream().map(this::view).toList();
    }

    Campaign create(CampaignSpec spec) {
        return get(store.insert(validate(spec)));
    }

    Campaign update(long id, CampaignSpec spec) {
        CampaignStore.Row row = row(id);
        if (!List.of("DRAFT", "READY").contains(row.status())) {
            throw ApiProblem.conflict("problem.campaigns.not-editable", row.status());
        }
        store.update(id, validate(spec));
        return get(id);
    }

    void delete(long id) {
        CampaignStore.Row row = row(id);
        if (List.of("SENDING", "PREPARING").contains(row.status())) {
            throw ApiProblem.conflict("problem.campaigns.busy", row.status());
        }
        store.delete(id);
    }

    Campaign prepare(long id) {
        CampaignStore.Row row = row(id);
        boolean ai = row.steps().stream().anyMatch(s -> "ai".equals(s.mode()));
        if (ai && !drafter.configured(row.provider())) {
            throw ApiProblem.conflict("problem.campaigns.provider", row.provider());
        }
        messages.forgetFailedDrafts(id);
        move(id, List.of("DRAFT", "READY"), "PREPARING", null);
        queue.prepare(id);
        return get(id);
    }

    Campaign start(long id) {
        requirePostalAddress();
        move(id, List.of("READY"), "SENDING", null);
        return get(id);
    }

    Campaign pause(long id) {
        move(id, List.of("SENDING"), "PAUSED", null);
        return get(id);
    }

    Campaign resume(long id) {
        requirePostalAddress();
        move(id, List.of("PAUSED"), "SENDING", null);
        return get(id);
    }

    Campaign stop(long id) {
        move(id, List.of("DRAFT", "PREPARING", "READY", "SENDING", "PAUSED"), "STOPPED", null);
        return get(id);
    }

    /** Failed messages with a draft are queued again; a completed campaign sends them. Nothing sent is touched. */
    Campaign retryFailed(long id) {
        CampaignStore.Row row = row(id);
        int again = messages.retryFailed(id);
        if (again > 0 && row.status().equals("COMPLETED")) {
            requirePostalAddress();
            store.move(id, List.of("COMPLETED"), "SENDING", null);
        }
        return get(id);
    }

    int approveAll(long id) {
        row(id);
        return messages.approve(id, null);
    }

    private void move(long id, List<String> from, String to, String reason) {
        CampaignStore.Row row = row(id);
        if (!store.move(id, from, to, reason)) {
            throw ApiProblem.conflict("problem.campaigns.transition", row.status(), to);
        }
    }

    private void requirePostalAddress() {
        if (postalAddress == null || postalAddress.isBlank()) {
            // German law wants an imprint in commercial mail: no campaign goes out without one
            throw new ApiProblem(HttpStatus.CONFLICT, "problem.campaigns.postal-address", "SENDER_POSTAL_ADDRESS");
        }
        if (appUrl == null || appUrl.isBlank()) {
            // the send loop runs outside any request: without it, unsubscribe links would name localhost
            throw new ApiProblem(HttpStatus.CONFLICT, "problem.campaigns.app-url", "APP_URL");
        }
    }

    private CampaignSpec validate(CampaignSpec s) {
        String name = s.name() == null ? "" : s.name().strip();
        if (name.isEmpty() || name.length() > 200) {
            throw ApiProblem.badRequest("problem.campaigns.name");
        }
        Audience.check(s.audience());
        if (s.mailboxId() == null || mailboxes.find(s.mailboxId()).isEmpty()) {
            throw ApiProblem.badRequest("problem.campaigns.mailbox", String.valueOf(s.mailboxId()));
        }
        if (s.productId() != null && products.find(s.productId()).isEmpty()) {
            throw ApiProblem.badRequest("problem.campaigns.product", s.productId());
        }
        if (s.steps() == null || s.steps().isEmpty() || s.steps().size() > MAX_STEPS) {
            throw ApiProblem.badRequest("problem.campaigns.steps", MAX_STEPS);
        }
        List<CampaignSpec.Step> steps = new ArrayList<>();
        for (int i = 0; i < s.steps().size(); i++) {
            steps.add(step(s.steps().get(i), i));
        }
        String provider = s.provider() == null || s.provider().isBlank()
                ? drafter.defaultProvider()
                : s.provider().strip().toLowerCase(Locale.ROOT);
        if (!Drafter.PROVIDERS.contains(provider)) {
            throw ApiProblem.badRequest("problem.campaigns.provider-unknown", provider);
        }
        String model =
                s.model() == null || s.model().isBlank() ? null : s.model().strip();
        if (model != null && (model.length() > 200 || !model.matches("[A-Za-z0-9._:/\\-]+"))) {
            throw ApiProblem.badRequest("problem.campaigns.model", model);
        }
        return new CampaignSpec(
                name,
                s.audience(),
                s.mailboxId(),
                s.productId(),
                steps,
                provider,
                model,
                Boolean.TRUE.equals(s.attachProposal()),
                s.trackOpens() == null || s.trackOpens(),
                s.trackClicks() == null || s.trackClicks(),
                Boolean.TRUE.equals(s.requireApproval()),
                window(s.window()),
                Boolean.TRUE.equals(s.sourceNotice()));
    }

    private static CampaignSpec.Step step(CampaignSpec.Step step, int index) {
        if (step == null) {
            throw ApiProblem.badRequest("problem.campaigns.step", index + 1);
        }
        int delay = index == 0 ? 0 : step.delayDays() == null ? 3 : step.delayDays();
        if (delay < 0 || delay > 365 || (index > 0 && delay == 0)) {
            throw ApiProblem.badRequest("problem.campaigns.delay", index + 1);
        }
        String mode = step.mode() == null ? "template" : step.mode().strip().toLowerCase(Locale.ROOT);
        if (mode.equals("template")) {
            String subject = step.subject() == null ? "" : step.subject().strip();
            String body = step.body() == null ? "" : step.body().strip();
            if (subject.isEmpty()
                    || body.isEmpty()
                    || subject.length() > 500
                    || body.length() > MAX_TEMPLATE
                    || subject.contains("\n")) {
                throw ApiProblem.badRequest("problem.campaigns.template", index + 1);
            }
            Placeholders.check(subject);
            Placeholders.check(body);
            return new CampaignSpec.Step(delay, mode, subject, body, null);
        }
        if (mode.equals("ai")) {
            String prompt = step.prompt() == null || step.prompt().isBlank()
                    ? null
                    : step.prompt().strip();
            if (prompt != null && prompt.length() > MAX_TEMPLATE) {
                throw ApiProblem.badRequest("problem.campaigns.template", index + 1);
            }
            Placeholders.check(prompt);
            return new CampaignSpec.Step(delay, mode, null, null, prompt);
        }
        throw ApiProblem.badRequest("problem.campaigns.mode", mode);
    }

    private static CampaignSpec.Window window(CampaignSpec.Window w) {
        String from = w == null || w.from() == null ? "09:00" : w.from().strip();
        String to = w == null || w.to() == null ? "17:00" : w.to().strip();
        String zone = w == null || w.zone() == null ? "Europe/Berlin" : w.zone().strip();
        List<String> days = w == null || w.days() == null || w.days().isEmpty() ? DEFAULT_DAYS : w.days();
        try {
            if (!LocalTime.parse(from).isBefore(LocalTime.parse(to))) {
                throw ApiProblem.badRequest("problem.campaigns.window");
            }
            ZoneId.of(zone);
            days = days.stream()
                    .map(d -> DayOfWeek.valueOf(d.strip().toUpperCase(Locale.ROOT))
                            .name())
                    .distinct()
                    .toList();
        } catch (java.time.DateTimeException | IllegalArgumentException e) {
            throw ApiProblem.badRequest("problem.campaigns.window");
        }
        return new CampaignSpec.Window(from, to, zone, days);
    }
}
