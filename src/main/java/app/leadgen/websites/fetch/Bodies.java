package app.leadgen.websites.fetch;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.Charset;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Reading a body within size and time limits, and turning its bytes into text. */
final class Bodies {

    enum End {
        COMPLETE,
        TOO_LARGE,
        DEADLINE
    }

    record Read(byte[] bytes, End end) {}

    private static final Pattern META_CHARSET =
            Pattern.compile("(?i)<meta[^>]+charset\\s*=\\s*[\"']?\\s*([a-z0-9_.:-]+)");
    private static final Charset WINDOWS_1252 = Charset.forName("windows-1252");

    private Bodies() {}

    /** Reads until EOF, {@code max} bytes or the deadline, whichever comes first. */
    static Read read(InputStream in, long max, long deadlineNanos) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream(16 * 1024);
        byte[] buffer = new byte[16 * 1024];
        long total = 0;
        int n;
        while ((n = in.read(buffer)) != -1) {
            if (System.nanoTime() - deadlineNanos > 0) {
                return new Read(out.toByteArray(), End.DEADLINE);
            }
            total += n;
            if (total > max) {
                return new Read(out.toByteArray(), End.TOO_LARGE);
            }
            out.write(buffer, 0, n);
        }
        return new Read(out.toByteArray(), End.COMPLETE);
    }

    /**
     * Header charset first, then a byte order mark, then a {@code <meta charset>} in the first
     * 4 KB. Without any: UTF-8 if the bytes are valid UTF-8, else windows-1252, which is what old
     * German sites without a declaration are written in (ä, ö, ü, ß).
     */
    static String decode(byte[] bytes, String headerCharset) {
        if (bytes.length >= 3 && (bytes[0] & 0xff) == 0xef && (bytes[1] & 0xff) == 0xbb && (bytes[2] & 0xff) == 0xbf) {
            return new String(bytes, 3, bytes.length - 3, StandardCharsets.UTF_8);
        }
        if (bytes.length >= 2 && (bytes[0] & 0xff) == 0xfe && (bytes[1] & 0xff) == 0xff) {
            return new String(bytes, 2, bytes.length - 2, StandardCharsets.UTF_16BE);
        }
        if (bytes.length >= 2 && (bytes[0] & 0xff) == 0xff && (bytes[1] & 0xff) == 0xfe) {
            return new String(bytes, 2, bytes.length - 2, StandardCharsets.UTF_16LE);
        }
        Charset declared = charset(headerCharset);
        if (declared == null) {
            String head = new String(bytes, 0, Math.min(bytes.length, 4096), StandardCharsets.ISO_8859_1);
            Matcher m = META_CHARSET.matcher(head);
            declared = m.find() ? charset(m.group(1)) : null;
        }
        if (declared != null) {
            return new String(bytes, declared);
        }
        return isUtf8(bytes) ? new String(bytes, StandardCharsets.UTF_8) : new String(bytes, WINDOWS_1252);
    }

    private static Charset charset(String name) {
        if (name == null || name.isBlank()) {
            return null;
        }
        try {
            String n = name.trim().toLowerCase(Locale.ROOT);
            // browsers read a declared latin-1 as windows-1252; so do we
            return n.equals("iso-8859-1") || n.equals("latin1") ? WINDOWS_1252 : Charset.forName(n);
        } catch (RuntimeException unknown) {
            return null;
        }
    }

    private static boolean isUtf8(byte[] bytes) {
        try {
            StandardCharsets.UTF_8
                    .newDecoder()
                    .onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT)
                    .decode(ByteBuffer.wrap(bytes));
            return true;
        } catch (CharacterCodingException e) {
            return false;
        }
    }
}
