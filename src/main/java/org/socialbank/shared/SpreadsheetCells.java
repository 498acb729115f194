package org.socialbank.shared;

/**
 * The one guard against CSV (formula) injection (OWASP): a cell a spreadsheet would run as a
 * formula, one that starts with {@code = + - @}, a tab or a carriage return, gets a leading
 * apostrophe, so a text someone typed (an audit subject, a campaign's variant) cannot run code on
 * the machine of the person who opens the export. Every CSV the bank writes puts its cells
 * through it.
 */
public final class SpreadsheetCells {

    private SpreadsheetCells() {}

    /** The cell as a spreadsheet may read it: unchanged, or with a leading apostrophe. */
    public static String guarded(String text) {
        return !text.isEmpty() && "=+-@\t\r".indexOf(text.charAt(0)) >= 0 ? "'" + text : text;
    }
}
