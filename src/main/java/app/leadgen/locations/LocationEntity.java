package app.leadgen.locations;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;

@Entity
@Table(name = "target_locations")
class LocationEntity {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    Long id;

    @Column(nullable = false)
    String city;

    String state;
    String country;
    Double latitude;
    Double longitude;
    Integer radiusMeters;

    /** Places type ids, comma-separated (they never contain commas); portable across H2 and PG. */
    @Column(nullable = false)
    String categories;

    boolean active;

    @Column(nullable = false)
    Instant createdAt;

    @Column(nullable = false)
    Instant updatedAt;

    protected LocationEntity() {}

    LocationEntity(Instant now) {
        this.createdAt = now;
        this.updatedAt = now;
        this.active = true;
        this.categories = "";
    }

    List<String> categoryList() {
        return categories.isBlank() ? List.of() : Arrays.asList(categories.split(","));
    }

    TargetLocation view() {
        return new TargetLocation(id, city, state, country, latitude, longitude, radiusMeters, categoryList(), active);
    }
}
