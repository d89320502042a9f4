package org.casebook.bundle;

/** The printed page number (or section label, e.g. "C4") of a link target. */
@FunctionalInterface
interface PageNumbers {
    String of(String key);
}
