package app.leadgen.campaigns;

import java.util.List;

/**
 * The create shape of issue #12 (a contract): {@code POST /api/campaigns} and {@code PUT}.
 *
 * @param provider {@code openai} (the default, {@code OPENAI_*}) or {@code groq} ({@code GROQ_*}) for AI steps
 * @param sourceNotice optional, default false: every mail's footer says where the address was found
 *     (GDPR Art. 14), from {@code SOURCE_NOTICE_TEMPLATE} with the contact's source for {@code {source}}
 */
record CampaignSpec(
        String name,
        AudienceSpec audience,
        Long mailboxId,
        Long productId,
        List<Step> steps,
        String provider,
        String model,
        Boolean attachProposal,
        Boolean trackOpens,
        Boolean trackClicks,
        Boolean requireApproval,
        Window window,
        Boolean sourceNotice) {

    /** Explicit contacts, or a filter over the lead book. */
    record AudienceSpec(List<Long> contactIds, Filter filter) {}

    /** Any of these narrows the audience; none means every contact with an address. */
    record Filter(
            String source,
            String status,
            String tag,
            Long importId,
            String city,
            String category,
            Integer minScore,
            String emailCheck) {}

    /**
     * A mail of the campaign: the first one ({@code delayDays} 0) or a follow-up N days after the
     * previous one when no reply came.
     *
     * @param mode {@code template} ({@code subject}, HTML {@code body} with placeholders) or {@code ai}
     *     ({@code prompt}, blank: the default prompt for the contact's kind)
     */
    record Step(Integer delayDays, String mode, String subject, String body, String prompt) {}

    /** The sending window: {@code from}–{@code to} in {@code zone} on {@code days}. */
    record Window(String from, String to, String zone, List<String> days) {}
}
