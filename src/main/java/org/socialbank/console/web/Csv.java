package org.socialbank.console.web;

import java.util.List;
import org.socialbank.shared.SpreadsheetCells;

/**
 * One CSV line (RFC 4180): every cell quoted, quotes doubled. A cell that a spreadsheet would run
 * as a formula gets a leading apostrophe ({@link SpreadsheetCells}), so an audit row whose subject
 * someone typed cannot run code on an auditor's machine (OWASP CSV injection).
 */
public final class Csv {

    private Csv() {}

    public static String line(List<?> cells) {
        StringBuilder out = new StringBuilder();
        for (Object cell : cells) {
            if (out.length() > 0) {
                out.append(',');
            }
            String text = SpreadsheetCells.guarded(cell == null ? "" : cell.toString());
            out.append('"').append(text.replace("\"", "\"\"")).append('"');
        }
        return out.append("\r\n").toString();
    }
}
