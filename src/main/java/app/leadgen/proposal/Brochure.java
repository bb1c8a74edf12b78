package app.leadgen.proposal;

import app.leadgen.support.ApiProblem;
import java.nio.charset.StandardCharsets;
import java.sql.Timestamp;
import java.time.Clock;
import java.util.Optional;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/** The one static brochure (a PDF an admin uploads), kept in {@code proposal_brochure}. */
@Component
class Brochure {

    static final int MAX_BYTES = 10 * 1024 * 1024;

    private final JdbcClient jdbc;
    private final Clock clock;

    Brochure(JdbcClient jdbc, Clock clock) {
        this.jdbc = jdbc;
        this.clock = clock;
    }

    Optional<Proposals.Attachment> current() {
        return jdbc.sql("select file_name, data from proposal_brochure where id = 1")
                .query((rs, n) -> new Proposals.Attachment(rs.getString("file_name"), rs.getBytes("data")))
                .optional();
    }

    @Transactional
    Proposals.Attachment replace(String originalName, byte[] data) {
        if (data == null || data.length == 0 || data.length > MAX_BYTES || !isPdf(data)) {
            throw ApiProblem.badRequest("problem.proposal.brochure", MAX_BYTES / (1024 * 1024));
        }
        String name = Proposals.safeName(originalName == null ? "" : originalName.replaceAll("(?i)\\.pdf$", ""));
        String fileName = name.isEmpty() ? "Broschuere.pdf" : name + ".pdf";
        Timestamp now = Timestamp.from(clock.instant());
        jdbc.sql("delete from proposal_brochure where id = 1").update();
        jdbc.sql("insert into proposal_brochure (id, file_name, data, updated_at) values (1, :n, :d, :now)")
                .param("n", fileName)
                .param("d", data)
                .param("now", now)
                .update();
        return new Proposals.Attachment(fileName, data);
    }

    boolean remove() {
        return jdbc.sql("delete from proposal_brochure where id = 1").update() > 0;
    }

    private static boolean isPdf(byte[] data) {
        return data.length > 5 && new String(data, 0, 5, StandardCharsets.ISO_8859_1).equals("%PDF-");
    }
}
