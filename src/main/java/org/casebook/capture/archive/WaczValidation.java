package org.casebook.capture.archive;

import java.util.List;

/**
 * What {@link WaczValidator} found in a WACZ package.
 *
 * @param fileName the package's file name
 * @param problems one sentence each, naming the entry (and index line) at fault; empty when the package is valid
 * @param filesChecked how many files of the manifest had their size and SHA-256 checked
 * @param indexLinesChecked how many CDXJ lines were checked against the WARC record they point at
 */
public record WaczValidation(String fileName, List<String> problems, int filesChecked, int indexLinesChecked) {
    public WaczValidation {
        problems = List.copyOf(problems);
    }

    public boolean valid() {
        return problems.isEmpty();
    }
}
