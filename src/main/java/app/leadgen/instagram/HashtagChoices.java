package app.leadgen.instagram;

import app.leadgen.leads.Finding;
import app.leadgen.leads.LeadStore;
import app.leadgen.runs.RunService;
import app.leadgen.support.ApiProblem;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.springframework.stereotype.Service;

/** The user's choice of hashtags for a run that waits for it: the chosen ones' findings go on. */
@Service
public class HashtagChoices {

    private final HashtagSelection selection;
    private final LeadStore leads;
    private final RunService runs;

    HashtagChoices(HashtagSelection selection, LeadStore leads, RunService runs) {
        this.selection = selection;
        this.leads = leads;
        this.runs = runs;
    }

    /** Continues a run that waits for its hashtags with the chosen ones only. */
    public void choose(long id, List<String> selected) {
        if (!InstagramPipeline.SOURCE.equals(runs.source(id)) || !runs.waiting(id)) {
            throw ApiProblem.conflict(
                    "problem.runs.not-awaiting-selection",
                    String.valueOf(id),
                    runs.get(id).status().name());
        }
        Set<String> offered = new HashSet<>();
        selection.choices(id).forEach(c -> offered.add(c.name()));
        if (selected == null || selected.isEmpty()) {
            throw ApiProblem.badRequest("problem.runs.selection-empty");
        }
        List<String> unknown =
                selected.stream().filter(name -> !offered.contains(name)).toList();
        if (!unknown.isEmpty()) {
            throw ApiProblem.badRequest("problem.runs.selection-unknown", String.join(", ", unknown));
        }
        List<Finding> findings = selection.choose(id, selected);
        String keyword = runs.get(id).keyword();
        leads.saveFindings(id, keyword, findings);
        counters(id, findings);
        runs.continueWaiting(id);
    }

    private void counters(long id, List<Finding> findings) {
        runs.setCounters(id, java.util.Map.of(Counter.FINDINGS.key, findings.size(), Counter.USERNAMES.key, (int)
                findings.stream().map(Finding::username).distinct().count()));
    }
}
