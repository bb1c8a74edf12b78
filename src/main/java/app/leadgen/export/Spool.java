package app.leadgen.export;

import jakarta.servlet.http.HttpServletResponse;
import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import org.apache.poi.xssf.streaming.SXSSFWorkbook;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;

/**
 * A download in two steps: the file is written completely first (CSV to a temporary file, Excel to
 * POI's temporary files), while the database transaction of the read is open, and only then sent;
 * so a slow client never holds a transaction (or a connection) open. Headers go out after the file
 * is complete, so a failed read still answers with a problem instead of a cut-off file.
 */
final class Spool {

    interface Writer {
        void write(OutputStream out) throws IOException;
    }

    interface Filler {
        SXSSFWorkbook fill() throws IOException;
    }

    private Spool() {}

    static void csv(HttpServletResponse response, String contentType, String filename, Writer writer)
            throws IOException {
        Path file = Files.createTempFile("leadgen-export-", ".csv");
        try {
            try (OutputStream out = new BufferedOutputStream(Files.newOutputStream(file), 1 << 16)) {
                writer.write(out);
            }
            headers(response, contentType, filename);
            response.setContentLengthLong(Files.size(file));
            OutputStream out = response.getOutputStream();
            Files.copy(file, out);
            out.flush();
        } finally {
            Files.deleteIfExists(file);
        }
    }

    static void xlsx(HttpServletResponse response, String contentType, String filename, Filler filler)
            throws IOException {
        SXSSFWorkbook workbook = filler.fill();
        try {
            headers(response, contentType, filename);
            OutputStream out = response.getOutputStream();
            workbook.write(out);
            out.flush();
        } finally {
            XlsxExport.close(workbook);
        }
    }

    private static void headers(HttpServletResponse response, String contentType, String filename) {
        response.setContentType(contentType);
        response.setHeader(
                HttpHeaders.CONTENT_DISPOSITION,
                ContentDisposition.attachment().filename(filename).build().toString());
        response.setHeader(HttpHeaders.CACHE_CONTROL, "no-store");
    }
}
