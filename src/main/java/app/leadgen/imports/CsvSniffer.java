package app.leadgen.imports;

import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CodingErrorAction;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Finds the {@link CsvFormat} of an uploaded file: the encoding from its bytes (byte order mark,
 * UTF-16 zero bytes, UTF-8 validity, else Windows-1252) and the delimiter from its first records.
 */
public final class CsvSniffer {

    /** The delimiter is guessed from at most this much of the file (and at most 50 records). */
    private static final int SAMPLE_BYTES = 64 * 1024;

    private CsvSniffer() {}

    public static CsvFormat sniff(Path file) throws IOException {
        Encodings.Detected encoding = Encodings.detect(file);
        byte[] head;
        boolean truncated;
        try (InputStream in = Files.newInputStream(file)) {
            head = in.readNBytes(SAMPLE_BYTES + 1);
            truncated = head.length > SAMPLE_BYTES;
        }
        CsvFormat format = new CsvFormat(encoding.charset(), encoding.bom(), ',');
        int skip = encoding.bom() ? format.bomLength() : 0;
        int length = Math.min(head.length, SAMPLE_BYTES) - skip;
        String sample = decode(format, ByteBuffer.wrap(head, skip, Math.max(0, length)));
        return new CsvFormat(encoding.charset(), encoding.bom(), Delimiters.guess(sample, truncated));
    }

    /** Decodes the sample; a character cut in half at its end is left out, wrong bytes become U+FFFD. */
    private static String decode(CsvFormat format, ByteBuffer bytes) {
        CharsetDecoder decoder = format.charset()
                .newDecoder()
                .onMalformedInput(CodingErrorAction.REPLACE)
                .onUnmappableCharacter(CodingErrorAction.REPLACE);
        CharBuffer chars = CharBuffer.allocate(bytes.remaining() + 16);
        decoder.decode(bytes, chars, false);
        chars.flip();
        return chars.toString();
    }
}
