package org.casebook.ui.main;

/** The screens of a case, in the order the navigation strip shows them. */
public enum Section {
    TIMELINE("Timeline"),
    PATTERN("Pattern"),
    ORDERS("Orders"),
    REPORTS("Reports"),
    IMPACT("Impact"),
    STATEMENT("Statement");

    private final String label;

    Section(String label) {
        this.label = label;
    }

    public String label() {
        return label;
    }
}
