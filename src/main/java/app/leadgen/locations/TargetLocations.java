package app.leadgen.locations;

import java.util.Collection;
import java.util.List;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** Reads target locations for other modules (a Places run, the schedule). */
@Service
@Transactional(readOnly = true)
public class TargetLocations {

    private final LocationRepository locations;

    TargetLocations(LocationRepository locations) {
        this.locations = locations;
    }

    /** Every active location, oldest first. */
    public List<TargetLocation> active() {
        return locations.findByActiveTrueOrderByIdAsc().stream()
                .map(LocationEntity::view)
                .toList();
    }

    /** Every location, active or not, oldest first. */
    public List<TargetLocation> all() {
        return locations.findAllByOrderByIdAsc().stream()
                .map(LocationEntity::view)
                .toList();
    }

    /** The locations with these ids that exist (active or not), in id order. */
    public List<TargetLocation> byIds(Collection<Long> ids) {
        return locations.findAllById(ids).stream()
                .sorted(java.util.Comparator.comparing(l -> l.id))
                .map(LocationEntity::view)
                .toList();
    }

    /**
     * The locations a Places run searches: these ids (every one must exist), or every active location
     * when none are given; only those with categories.
     *
     * @throws app.leadgen.support.ApiProblem 400 for unknown ids, too many, or nothing to search
     */
    public List<TargetLocation> forSearch(List<Long> requested) {
        List<Long> ids = requested == null
                ? List.of()
                : requested.stream()
                        .filter(java.util.Objects::nonNull)
                        .distinct()
                        .toList();
        List<TargetLocation> chosen;
        if (ids.isEmpty()) {
            chosen = active();
        } else {
            if (ids.size() > MAX_PER_RUN) {
                throw app.leadgen.support.ApiProblem.badRequest("problem.runs.locations-too-many", MAX_PER_RUN);
            }
            chosen = byIds(ids);
            java.util.Set<Long> found = new java.util.HashSet<>();
            chosen.forEach(l -> found.add(l.id()));
            List<String> unknown = ids.stream()
                    .filter(id -> !found.contains(id))
                    .map(String::valueOf)
                    .toList();
            if (!unknown.isEmpty()) {
                throw app.leadgen.support.ApiProblem.badRequest(
                        "problem.runs.locations-unknown", String.join(", ", unknown));
            }
        }
        List<TargetLocation> searchable =
                chosen.stream().filter(l -> !l.categories().isEmpty()).toList();
        if (searchable.isEmpty()) {
            throw app.leadgen.support.ApiProblem.badRequest("problem.runs.locations-none");
        }
        return searchable;
    }

    /** At most this many locations in one run. */
    public static final int MAX_PER_RUN = 500;
}
