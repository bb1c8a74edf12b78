package app.leadgen.runs;

import java.util.UUID;
import org.springframework.stereotype.Component;

/**
 * This running instance, as the other instances on the same database see it in batch owners. New
 * on every start, so the work of a killed instance is never mistaken for the restarted one's.
 */
@Component
public class Instance {

    private final String id = host() + "-" + UUID.randomUUID().toString().substring(0, 8);

    public String id() {
        return id;
    }

    private static String host() {
        String host = System.getenv("HOSTNAME");
        if (host == null || host.isBlank()) {
            try {
                host = java.net.InetAddress.getLocalHost().getHostName();
            } catch (java.io.IOException e) {
                host = "instance";
            }
        }
        String clean = host.replaceAll("[^A-Za-z0-9.-]", "");
        return clean.length() > 40 ? clean.substring(0, 40) : clean;
    }
}
