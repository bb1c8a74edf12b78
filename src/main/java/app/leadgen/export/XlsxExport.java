package app.leadgen.export;

import java.io.BufferedWriter;
import java.io.IOException;
import java.io.OutputStream;
import java.io.OutputStreamWriter;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.time.LocalDateTime;
import java.util.List;
import java.util.function.Consumer;
import java.util.zip.Deflater;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;
import org.apache.poi.ss.SpreadsheetVersion;
import org.apache.poi.ss.usermodel.DateUtil;

/**
 * An .xlsx file written straight as SpreadsheetML into a zip, row by row: one sheet, text as inline
 * strings, three styles (normal, bold header, date). A general workbook library spends most of an
 * export on cell objects; writing the XML directly makes 100,000 rows a few seconds and keeps
 * memory flat. Bold, frozen header row with an autofilter; numbers as numbers, times as real dates.
 */
final class XlsxExport {

    private static final int MAX_CELL_TEXT = SpreadsheetVersion.EXCEL2007.getMaxTextLength();
    private static final String MAIN = "http://schemas.openxmlformats.org/spreadsheetml/2006/main";
    private static final String RELS = "http://schemas.openxmlformats.org/package/2006/relationships";
    private static final String DOC_RELS = "http://schemas.openxmlformats.org/officeDocument/2006/relationships";
    private static final String HEAD = "<?xml version=\"1.0\" encoding=\"UTF-8\" standalone=\"yes\"?>\n";
    private static final int NORMAL = 0;
    private static final int BOLD = 1;
    private static final int DATE = 2;

    private XlsxExport() {}

    /**
     * Writes the workbook with the header and every row (its cells as {@link LeadCells} makes them)
     * the source hands over.
     *
     * @param widths column widths in characters
     */
    static void write(
            OutputStream out,
            List<String> headers,
            int[] widths,
            String sheetName,
            Consumer<Consumer<List<Object>>> rows)
            throws IOException {
        ZipOutputStream zip = new ZipOutputStream(out, StandardCharsets.UTF_8);
        // the fastest deflate: a big file goes out in a fraction of the time, only a little bigger
        zip.setLevel(Deflater.BEST_SPEED);
        part(zip, "[Content_Types].xml", contentTypes());
        part(
                zip,
                "_rels/.rels",
                HEAD + "<Relationships xmlns=\"" + RELS + "\"><Relationship Id=\"rId1\" Type=\"" + DOC_RELS
                        + "/officeDocument\" Target=\"xl/workbook.xml\"/></Relationships>");
        part(
                zip,
                "xl/_rels/workbook.xml.rels",
                HEAD + "<Relationships xmlns=\"" + RELS + "\"><Relationship Id=\"rId1\" Type=\"" + DOC_RELS
                        + "/worksheet\" Target=\"worksheets/sheet1.xml\"/><Relationship Id=\"rId2\" Type=\""
                        + DOC_RELS + "/styles\" Target=\"styles.xml\"/></Relationships>");
        part(zip, "xl/styles.xml", styles());

        zip.putNextEntry(new ZipEntry("xl/worksheets/sheet1.xml"));
        Writer sheet = new BufferedWriter(new OutputStreamWriter(zip, StandardCharsets.UTF_8), 1 << 16);
        sheet.write(HEAD + "<worksheet xmlns=\"" + MAIN + "\" xmlns:r=\"" + DOC_RELS + "\"><sheetViews>"
                + "<sheetView workbookViewId=\"0\"><pane ySplit=\"1\" topLeftCell=\"A2\" activePane=\"bottomLeft\""
                + " state=\"frozen\"/></sheetView></sheetViews><sheetFormatPr defaultRowHeight=\"15\"/><cols>");
        for (int c = 0; c < widths.length; c++) {
            sheet.write("<col min=\"" + (c + 1) + "\" max=\"" + (c + 1) + "\" width=\"" + widths[c]
                    + "\" customWidth=\"1\"/>");
        }
        sheet.write("</cols><sheetData>");
        String[] letters = new String[headers.size()];
        for (int c = 0; c < letters.length; c++) {
            letters[c] = column(c);
        }
        int[] row = {1};
        try {
            writeRow(sheet, letters, 1, List.copyOf(headers), BOLD);
            rows.accept(cells -> {
                try {
                    writeRow(sheet, letters, ++row[0], cells, NORMAL);
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                }
            });
        } catch (UncheckedIOException e) {
            throw e.getCause();
        }
        String range = "A1:" + letters[letters.length - 1] + row[0];
        sheet.write("</sheetData><autoFilter ref=\"" + range + "\"/></worksheet>");
        sheet.flush();
        zip.closeEntry();
        // last: the filter's range is known only now
        String absolute = "$A$1:$" + letters[letters.length - 1] + "$" + row[0];
        part(
                zip,
                "xl/workbook.xml",
                HEAD + "<workbook xmlns=\"" + MAIN + "\" xmlns:r=\"" + DOC_RELS + "\"><sheets><sheet name=\""
                        + escape(sheetName) + "\" sheetId=\"1\" r:id=\"rId1\"/></sheets><definedNames>"
                        + "<definedName name=\"_xlnm._FilterDatabase\" localSheetId=\"0\" hidden=\"1\">'"
                        + escape(sheetName.replace("'", "''")) + "'!" + absolute + "</definedName></definedNames>"
                        + "</workbook>");
        zip.finish();
    }

    private static void writeRow(Writer out, String[] letters, int r, List<Object> values, int style)
            throws IOException {
        out.write("<row r=\"");
        out.write(Integer.toString(r));
        out.write("\">");
        for (int c = 0; c < values.size(); c++) {
            Object value = values.get(c);
            if (value == null) {
                continue;
            }
            out.write("<c r=\"");
            out.write(letters[c]);
            out.write(Integer.toString(r));
            if (value instanceof Long n) {
                out.write("\"><v>");
                out.write(Long.toString(n));
                out.write("</v></c>");
            } else if (value instanceof Double d) {
                out.write("\"><v>");
                out.write(Double.toString(d));
                out.write("</v></c>");
            } else if (value instanceof LocalDateTime time) {
                out.write("\" s=\"" + DATE + "\"><v>");
                out.write(Double.toString(DateUtil.getExcelDate(time)));
                out.write("</v></c>");
            } else {
                String text = value.toString();
                // Excel refuses longer cells; a hostile bio must not break the whole file
                if (text.length() > MAX_CELL_TEXT) {
                    text = text.substring(0, MAX_CELL_TEXT);
                }
                out.write(
                        style == BOLD
                                ? "\" s=\"" + BOLD + "\" t=\"inlineStr\"><is><t xml:space=\"preserve\">"
                                : "\" t=\"inlineStr\"><is><t xml:space=\"preserve\">");
                out.write(escape(text));
                out.write("</t></is></c>");
            }
        }
        out.write("</row>");
    }

    /** XML text: markup escaped, a carriage return kept (a parser would turn it into a line feed), characters XML forbids dropped. */
    static String escape(String text) {
        StringBuilder out = null;
        for (int i = 0; i < text.length(); i++) {
            char ch = text.charAt(i);
            String replacement = null;
            boolean drop = false;
            switch (ch) {
                case '&' -> replacement = "&amp;";
                case '<' -> replacement = "&lt;";
                case '>' -> replacement = "&gt;";
                case '"' -> replacement = "&quot;";
                case '\r' -> replacement = "&#13;";
                case '\t', '\n' -> {}
                default -> drop = ch < 0x20
                        || ch == 0xFFFE
                        || ch == 0xFFFF
                        || (Character.isHighSurrogate(ch)
                                && (i + 1 >= text.length() || !Character.isLowSurrogate(text.charAt(i + 1))))
                        || (Character.isLowSurrogate(ch) && (i == 0 || !Character.isHighSurrogate(text.charAt(i - 1))));
            }
            if (replacement == null && !drop) {
                if (out != null) {
                    out.append(ch);
                }
                continue;
            }
            if (out == null) {
                out = new StringBuilder(text.length() + 16).append(text, 0, i);
            }
            if (replacement != null) {
                out.append(replacement);
            }
        }
        return out == null ? text : out.toString();
    }

    /** A, B, …, Z, AA, AB, … */
    static String column(int index) {
        StringBuilder name = new StringBuilder();
        for (int n = index + 1; n > 0; n = (n - 1) / 26) {
            name.insert(0, (char) ('A' + (n - 1) % 26));
        }
        return name.toString();
    }

    private static void part(ZipOutputStream zip, String name, String xml) throws IOException {
        zip.putNextEntry(new ZipEntry(name));
        zip.write(xml.getBytes(StandardCharsets.UTF_8));
        zip.closeEntry();
    }

    private static String contentTypes() {
        String sheet = "application/vnd.openxmlformats-officedocument.spreadsheetml.";
        return HEAD + "<Types xmlns=\"http://schemas.openxmlformats.org/package/2006/content-types\">"
                + "<Default Extension=\"rels\" ContentType=\"application/vnd.openxmlformats-package.relationships+xml\"/>"
                + "<Default Extension=\"xml\" ContentType=\"application/xml\"/>"
                + "<Override PartName=\"/xl/workbook.xml\" ContentType=\"" + sheet + "sheet.main+xml\"/>"
                + "<Override PartName=\"/xl/worksheets/sheet1.xml\" ContentType=\"" + sheet + "worksheet+xml\"/>"
                + "<Override PartName=\"/xl/styles.xml\" ContentType=\"" + sheet + "styles+xml\"/></Types>";
    }

    private static String styles() {
        return HEAD + "<styleSheet xmlns=\"" + MAIN + "\">"
                + "<numFmts count=\"1\"><numFmt numFmtId=\"164\" formatCode=\"yyyy-mm-dd hh:mm:ss\"/></numFmts>"
                + "<fonts count=\"2\"><font><sz val=\"11\"/><name val=\"Calibri\"/></font>"
                + "<font><b/><sz val=\"11\"/><name val=\"Calibri\"/></font></fonts>"
                + "<fills count=\"2\"><fill><patternFill patternType=\"none\"/></fill>"
                + "<fill><patternFill patternType=\"gray125\"/></fill></fills>"
                + "<borders count=\"1\"><border><left/><right/><top/><bottom/><diagonal/></border></borders>"
                + "<cellStyleXfs count=\"1\"><xf numFmtId=\"0\" fontId=\"0\" fillId=\"0\" borderId=\"0\"/></cellStyleXfs>"
                + "<cellXfs count=\"3\"><xf numFmtId=\"0\" fontId=\"0\" fillId=\"0\" borderId=\"0\" xfId=\"0\"/>"
                + "<xf numFmtId=\"0\" fontId=\"1\" fillId=\"0\" borderId=\"0\" xfId=\"0\" applyFont=\"1\"/>"
                + "<xf numFmtId=\"164\" fontId=\"0\" fillId=\"0\" borderId=\"0\" xfId=\"0\" applyNumberFormat=\"1\"/>"
                + "</cellXfs><cellStyles count=\"1\"><cellStyle name=\"Normal\" xfId=\"0\" builtinId=\"0\"/></cellStyles>"
                + "</styleSheet>";
    }
}
