package org.casebook.bundle;

/**
 * Text in a CSV meant for a spreadsheet: a cell starting with =, +, - or @ would be read as a formula (and a
 * formula can fetch or run things), so such a cell is written with a leading apostrophe, which spreadsheets
 * show as plain text, and the apostrophe is taken off again when the file comes back.
 */
final class Spreadsheet {
    private Spreadsheet() {
    }

    static String safe(String cell) {
        if (cell == null || cell.isEmpty()) {
            return cell == null ? "" : cell;
        }
        return formulaStart(cell.charAt(0)) ? "'" + cell : cell;
    }

    static String plain(String cell) {
        if (cell != null && cell.length() > 1 && cell.charAt(0) == '\'' && formulaStart(cell.charAt(1))) {
            return cell.substring(1);
        }
        return cell == null ? "" : cell;
    }

    private static boolean formulaStart(char c) {
        return c == '=' || c == '+' || c == '-' || c == '@' || c == '\t' || c == '\r';
    }
}
