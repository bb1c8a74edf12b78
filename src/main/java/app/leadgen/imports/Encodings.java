package app.leadgen.imports;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Tells the character set of a CSV file from its bytes. A byte order mark decides at once (Excel
 * writes one for "CSV UTF-8" and for "Unicode text", which is UTF-16LE). Without one, zero bytes in
 * every other position mean UTF-16; otherwise the bytes are checked as UTF-8, and anything that is
 * not valid UTF-8 is Windows-1252 (German Excel's "CSV", umlauts as single bytes).
 *
 * <p>The UTF-8 check reads until it has seen enough non-ASCII bytes to decide: a file that is pure
 * ASCII for its first megabytes and has its first umlaut further down is still read right. A pure
 * ASCII file is read to its end once (about a tenth of a second for 100 MB), which is cheaper than
 * a wrong guess that turns every later umlaut into a replacement character.
 */
final class Encodings {

    /** Enough valid multi-byte sequences to call a file UTF-8: Windows-1252 text almost never forms one. */
    private static final int CONVINCING_SEQUENCES = 8;

    private static final int CHUNK = 64 * 1024;

    record Detected(Charset charset, boolean bom) {}

    private Encodings() {}

    static Detected detect(Path file) throws IOException {
        try (InputStream in = Files.newInputStream(file)) {
            byte[] head = in.readNBytes(CHUNK);
            if (startsWith(head, 0xEF, 0xBB, 0xBF)) {
                return new Detected(StandardCharsets.UTF_8, true);
            }
            if (startsWith(head, 0xFF, 0xFE)) {
                return new Detected(StandardCharsets.UTF_16LE, true);
            }
            if (startsWith(head, 0xFE, 0xFF)) {
                return new Detected(StandardCharsets.UTF_16BE, true);
            }
            Charset utf16 = utf16WithoutBom(head);
            if (utf16 != null) {
                return new Detected(utf16, false);
            }
            return new Detected(utf8(head, in) ? StandardCharsets.UTF_8 : CsvFormat.WINDOWS_1252, false);
        }
    }

    private static boolean startsWith(byte[] bytes, int... prefix) {
        if (bytes.length < prefix.length) {
            return false;
        }
        for (int i = 0; i < prefix.length; i++) {
            if ((bytes[i] & 0xFF) != prefix[i]) {
                return false;
            }
        }
        return true;
    }

    /** Mostly-Latin text in UTF-16 has a zero byte in every character: at odd positions LE, at even ones BE. */
    private static Charset utf16WithoutBom(byte[] head) {
        int pairs = Math.min(head.length, 4096) / 2;
        if (pairs < 2) {
            return null;
        }
        int evenZeros = 0;
        int oddZeros = 0;
        for (int i = 0; i < pairs * 2; i += 2) {
            evenZeros += head[i] == 0 ? 1 : 0;
            oddZeros += head[i + 1] == 0 ? 1 : 0;
        }
        if (oddZeros > pairs * 0.4 && evenZeros < pairs * 0.05) {
            return StandardCharsets.UTF_16LE;
        }
        if (evenZeros > pairs * 0.4 && oddZeros < pairs * 0.05) {
            return StandardCharsets.UTF_16BE;
        }
        return null;
    }

    /** Whether the bytes are UTF-8, reading on from {@code rest} while everything seen so far is ASCII. */
    private static boolean utf8(byte[] head, InputStream rest) throws IOException {
        Utf8Check check = new Utf8Check();
        byte[] chunk = head;
        int length = head.length;
        while (length > 0) {
            for (int i = 0; i < length; i++) {
                if (!check.accept(chunk[i])) {
                    return false;
                }
            }
            if (check.sequences >= CONVINCING_SEQUENCES) {
                return true;
            }
            chunk = rest.readNBytes(CHUNK);
            length = chunk.length;
        }
        return true; // ASCII throughout, or a few valid sequences and nothing invalid
    }

    /** A UTF-8 decoder that only counts: no overlong forms, no surrogates, nothing above U+10FFFF. */
    private static final class Utf8Check {
        int sequences;
        private int pending;
        private int min;
        private int codePoint;

        boolean accept(byte value) {
            int b = value & 0xFF;
            if (pending > 0) {
                if ((b & 0xC0) != 0x80) {
                    return false;
                }
                codePoint = (codePoint << 6) | (b & 0x3F);
                if (--pending == 0) {
                    if (codePoint < min || codePoint > 0x10FFFF || (codePoint >= 0xD800 && codePoint <= 0xDFFF)) {
                        return false;
                    }
                    sequences++;
                }
                return true;
            }
            if (b < 0x80) {
                return true;
            }
            if (b >= 0xC2 && b <= 0xDF) {
                start(1, 0x80, b & 0x1F);
            } else if (b >= 0xE0 && b <= 0xEF) {
                start(2, 0x800, b & 0x0F);
            } else if (b >= 0xF0 && b <= 0xF4) {
                start(3, 0x10000, b & 0x07);
            } else {
                return false; // a continuation byte without a start, or C0/C1/F5–FF
            }
            return true;
        }

        private void start(int following, int minimum, int bits) {
            pending = following;
            min = minimum;
            codePoint = bits;
        }
    }
}
