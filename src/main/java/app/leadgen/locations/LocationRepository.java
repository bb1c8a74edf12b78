package app.leadgen.locations;

import java.util.List;
import org.springframework.data.jpa.repository.JpaRepository;

interface LocationRepository extends JpaRepository<LocationEntity, Long> {

    List<LocationEntity> findByActiveTrueOrderByIdAsc();

    List<LocationEntity> findAllByOrderByIdAsc();
}
