package app.leadgen.leads;

import java.util.Collection;
import java.util.List;
import java.util.Optional;
import org.springframework.data.jpa.repository.JpaRepository;

interface InstagramProfileRepository extends JpaRepository<InstagramProfile, Long> {

    Optional<InstagramProfile> findByUsername(String username);

    List<InstagramProfile> findByUsernameIn(Collection<String> usernames);

    /** The next profiles after {@code afterId} that are not in the lead book yet (oldest first). */
    List<InstagramProfile> findTop200ByIdGreaterThanAndContactIdIsNullOrderByIdAsc(long afterId);
}
