package app.leadgen.export;

import app.leadgen.leads.LeadRow;
import java.io.IOException;
import java.io.OutputStream;
import java.time.LocalDateTime;
import java.util.List;
import java.util.function.Consumer;
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

    static void write(OutputStream out, LeadCells cells, String sheetName, Consumer<Consumer<List<LeadRow>>> source)
            throws IOException {
        SXSSFWorkbook workbook = new SXSSFWorkbook(WINDOW);
        try {
            SXSSFSheet sheet = workbook.createSheet(sheetName);
            CellStyle header = workbook.createCellStyle();
            Font bold = workbook.createFont();
            bold.setBold(true);
            header.setFont(bold);
            CellStyle date = workbook.createCellStyle();
            date.setDataFormat(workbook.createDataFormat().getFormat("yyyy-mm-dd hh:mm:ss"));

            List<String> headers = cells.headers();
            Row first = sheet.createRow(0);
            for (int c = 0; c < headers.size(); c++) {
                Cell cell = first.createCell(c);
                cell.setCellValue(headers.get(c));
                cell.setCellStyle(header);
                sheet.setColumnWidth(c, LeadColumn.values()[c].width * 256);
            }
            int[] last = {0};
            source.accept(page -> {
                for (LeadRow lead : page) {
                    Row row = sheet.createRow(++last[0]);
                    List<Object> values = cells.cells(lead);
                    for (int c = 0; c < values.size(); c++) {
                        set(row, c, values.get(c), date);
                    }
                }
            });
            sheet.createFreezePane(0, 1);
            sheet.setAutoFilter(new CellRangeAddress(0, last[0], 0, headers.size() - 1));
            workbook.write(out);
        } finally {
            // the temporary files live until disposed, also when the export fails half-way
            workbook.dispose();
            workbook.close();
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
