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
}
