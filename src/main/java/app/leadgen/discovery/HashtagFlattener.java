package app.leadgen.discovery;

import app.leadgen.leads.Finding;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The spec's flatten-and-dedupe step: every post owner of every hashtag becomes a
 * {@code {hashtag, username}} finding, unique by {@code hashtag|username}. Usernames compare
 * case-insensitively; posts without an owner are skipped. Order of first appearance is kept.
 */
public final class HashtagFlattener {

    private HashtagFlattener() {}

    public static List<Finding> flatten(List<HashtagHit> hits) {
        Map<String, Finding> unique = new LinkedHashMap<>();
        for (HashtagHit hit : hits) {
            if (hit == null || hit.name() == null || hit.name().isBlank() || hit.postOwners() == null) {
                continue;
            }
            for (String owner : hit.postOwners()) {
                Finding finding = new Finding(hit.name(), owner);
                if (!finding.username().isEmpty()) {
                    unique.putIfAbsent(finding.key(), finding);
                }
            }
        }
        return new ArrayList<>(unique.values());
    }

    /** The distinct usernames of the findings, in order of first appearance. */
    public static List<String> usernames(List<Finding> findings) {
        return findings.stream().map(Finding::username).distinct().toList();
    }
}
