package app.leadgen.leads;

import java.util.Collection;
import java.util.List;
import java.util.Optional;
import org.springframework.data.jpa.repository.JpaRepository;

interface InstagramProfileRepository extends JpaRepository<InstagramProfile, Long> {

    Optional<InstagramProfile> findByUsername(String username);

    List<InstagramProfile> findByUsernameIn(Collection<String> usernames);
}
