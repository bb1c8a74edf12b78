package app.leadgen.export;

import java.io.IOException;
import java.time.LocalDateTime;
import java.util.List;
import java.util.function.Consumer;
import java.util.zip.Deflater;
import org.apache.commons.compress.archivers.zip.ZipArchiveOutputStream;
import org.apache.poi.ss.SpreadsheetVersion;
import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.CellStyle;
import org.apache.poi.ss.usermodel.Font;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.util.CellRangeAddress;
import org.apache.poi.xssf.streaming.SXSSFSheet;
import org.apache.poi.xssf.streaming.SXSSFWorkbook;

/**
 * An .xlsx file through POI's streaming workbook: only a window of rows stays in memory, the rest
 * goes to a temporary file that is deleted afterwards. Bold, frozen header row with an autofilter;
 * followers and run as numbers, "found at" as a real date.
 */
final class XlsxExport {

    /** Rows kept in memory before POI flushes them to its temporary file. */
    private static final int WINDOW = 200;

    private static final int MAX_CELL_TEXT = SpreadsheetVersion.EXCEL2007.getMaxTextLength();

    private XlsxExport() {}

    /**
     * Fills a workbook with every row (its cells as {@link LeadCells} makes them) the source hands
     * over; the rows go to POI's temporary file as they come. The caller writes it out and then
     * {@link #close}s it.
     *
     * @param widths column widths in characters
     */
    static SXSSFWorkbook fill(
            List<String> headers, int[] widths, String sheetName, Consumer<Consumer<List<Object>>> rows) {
        SXSSFWorkbook workbook = new SXSSFWorkbook(WINDOW) {
            @Override
            protected ZipArchiveOutputStream createArchiveOutputStream(java.io.OutputStream out) {
                ZipArchiveOutputStream zip = super.createArchiveOutputStream(out);
                // the fastest deflate: 100,000 rows go out in a fraction of the time, the file a little bigger
                zip.setLevel(Deflater.BEST_SPEED);
                return zip;
            }
        };
        try {
            SXSSFSheet sheet = workbook.createSheet(sheetName);
            CellStyle header = workbook.createCellStyle();
            Font bold = workbook.createFont();
            bold.setBold(true);
            header.setFont(bold);
            CellStyle date = workbook.createCellStyle();
            date.setDataFormat(workbook.createDataFormat().getFormat("yyyy-mm-dd hh:mm:ss"));

            Row first = sheet.createRow(0);
            for (int c = 0; c < headers.size(); c++) {
                Cell cell = first.createCell(c);
                cell.setCellValue(headers.get(c));
                cell.setCellStyle(header);
                sheet.setColumnWidth(c, widths[c] * 256);
            }
            int[] last = {0};
            rows.accept(values -> {
                Row row = sheet.createRow(++last[0]);
                for (int c = 0; c < values.size(); c++) {
                    set(row, c, values.get(c), date);
                }
            });
            sheet.createFreezePane(0, 1);
            sheet.setAutoFilter(new CellRangeAddress(0, last[0], 0, headers.size() - 1));
            return workbook;
        } catch (RuntimeException | Error e) {
            close(workbook);
            throw e;
        }
    }

    /** Deletes the temporary files, also when the export failed half-way. */
    static void close(SXSSFWorkbook workbook) {
        try {
            workbook.dispose();
            workbook.close();
        } catch (IOException ignored) {
            // only temporary files are left behind, in the system's temp directory
        }
    }

    private static void set(Row row, int column, Object value, CellStyle date) {
        if (value == null) {
            return;
        }
        Cell cell = row.createCell(column);
        if (value instanceof Long n) {
            cell.setCellValue(n.doubleValue());
        } else if (value instanceof Double d) {
            cell.setCellValue(d);
        } else if (value instanceof LocalDateTime time) {
            cell.setCellValue(time);
            cell.setCellStyle(date);
        } else {
            String text = value.toString();
            // Excel refuses longer cells; a hostile bio must not break the whole file
            cell.setCellValue(text.length() > MAX_CELL_TEXT ? text.substring(0, MAX_CELL_TEXT) : text);
        }
    }
}
