package app.leadgen.runs;

import java.util.List;
import org.springframework.data.jpa.repository.JpaRepository;

interface RunRepository extends JpaRepository<Run, Long> {

    List<Run> findTop20ByOrderByIdDesc();

    List<Run> findByStatusIn(List<RunStatus> statuses);
}
