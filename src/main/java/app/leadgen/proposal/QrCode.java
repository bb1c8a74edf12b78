package app.leadgen.proposal;

import com.google.zxing.BarcodeFormat;
import com.google.zxing.EncodeHintType;
import com.google.zxing.WriterException;
import com.google.zxing.common.BitMatrix;
import com.google.zxing.qrcode.QRCodeWriter;
import com.google.zxing.qrcode.decoder.ErrorCorrectionLevel;
import com.lowagie.text.pdf.PdfContentByte;
import java.awt.Color;
import java.util.Map;

/** The booking link as a QR code, drawn as vector squares (sharp at any zoom, no image to embed). */
final class QrCode {

    private QrCode() {}

    static BitMatrix matrix(String text) {
        try {
            // size 0: one pixel per module, the matrix is the code itself with a quiet zone of 4
            return new QRCodeWriter()
                    .encode(
                            text,
                            BarcodeFormat.QR_CODE,
                            0,
                            0,
                            Map.of(
                                    EncodeHintType.ERROR_CORRECTION,
                                    ErrorCorrectionLevel.M,
                                    EncodeHintType.CHARACTER_SET,
                                    "UTF-8",
                                    EncodeHintType.MARGIN,
                                    4));
        } catch (WriterException e) {
            throw new IllegalArgumentException("no QR code for this text", e);
        }
    }

    /** Draws the code with its lower left corner at (x, y), {@code size} points wide. */
    static void draw(PdfContentByte cb, String text, float x, float y, float size) {
        BitMatrix m = matrix(text);
        float cell = size / m.getWidth();
        cb.saveState();
        cb.setColorFill(Color.WHITE);
        cb.rectangle(x, y, size, size);
        cb.fill();
        cb.setColorFill(Color.BLACK);
        for (int row = 0; row < m.getHeight(); row++) {
            int col = 0;
            while (col < m.getWidth()) {
                if (!m.get(col, row)) {
                    col++;
                    continue;
                }
                int start = col;
                while (col < m.getWidth() && m.get(col, row)) {
                    col++;
                }
                // one rectangle per dark run; a hair wider, so neighbouring runs leave no seams
                cb.rectangle(x + start * cell, y + size - (row + 1) * cell, (col - start) * cell, cell + 0.05f);
            }
        }
        cb.fill();
        cb.restoreState();
    }
}
