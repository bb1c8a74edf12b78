package app.leadgen.campaigns;

import java.time.Instant;
import java.util.List;
import java.util.Map;

/** {@code GET /api/campaigns/{id}}: the stored campaign, its next send time and its counts (messages, not events). */
record Campaign(
        long id,
        String name,
        String status,
        String statusReason,
        CampaignSpec.AudienceSpec audience,
        long mailboxId,
        Long productId,
        List<CampaignSpec.Step> steps,
        String provider,
        String model,
        boolean attachProposal,
        boolean trackOpens,
        boolean trackClicks,
        boolean requireApproval,
        CampaignSpec.Window window,
        boolean sourceNotice,
        Instant createdAt,
        Instant updatedAt,
        Instant startedAt,
        Instant endedAt,
        Instant nextSendAt,
        Map<String, Long> counts) {}
