package org.socialbank.console.web;

import java.util.List;

/**
 * One CSV line (RFC 4180): every cell quoted, quotes doubled. A cell that a spreadsheet would run
 * as a formula ({@code = + - @}, tab, carriage return) gets a leading apostrophe, so an audit row
 * whose subject someone typed cannot run code on an auditor's machine (OWASP CSV injection).
 */
public final class Csv {

    private Csv() {}

    public static String line(List<?> cells) {
        StringBuilder out = new StringBuilder();
        for (Object cell : cells) {
            if (out.length() > 0) {
                out.append(',');
            }
            String text = cell == null ? "" : cell.toString();
            if (!text.isEmpty() && "=+-@\t\r".indexOf(text.charAt(0)) >= 0) {
                text = "'" + text;
            }
            out.append('"').append(text.replace("\"", "\"\"")).append('"');
        }
        return out.append("\r\n").toString();
    }
}
