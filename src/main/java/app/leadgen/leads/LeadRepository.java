package app.leadgen.leads;

import java.util.Collection;
import java.util.List;
import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Query;

interface LeadRepository extends JpaRepository<Lead, Long> {

    @Query("select l.hashtag, l.username from Lead l where l.runId = :runId")
    List<Object[]> findKeysByRun(long runId);

    long countByRunId(long runId);

    @Query("select distinct l.username from Lead l where l.runId = :runId")
    List<String> findUsernamesByRun(long runId);

    boolean existsByUsernameIn(Collection<String> usernames);
}
