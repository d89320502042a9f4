package org.casebook.bundle;

/**
 * One line of a finished bundle's index, with the page numbers of the final layout.
 *
 * @param section the section it is in: for an exhibit, the section it was placed in (what a sections file names);
 *                for a family bundle's other lines, the FPR PD27A section; else empty
 * @param mark    an exhibit's reference, else empty
 * @param title   what the index says (an exhibit's title)
 * @param date    an exhibit's day, else empty
 * @param page    the page number printed on its first page (a family bundle's label, e.g. "C12")
 * @param pdfPage the PDF's own page number (1-based) of its first page
 * @param itemId  an exhibit's item (what a sections file names it by), else null
 */
public record IndexRow(String section, String mark, String title, String date, String page, int pdfPage,
                       Long itemId) {
}
