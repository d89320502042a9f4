package org.casebook.bundle;

/**
 * How one exhibit's original travels in the bundle: as it is, as a copy with the picture's location and device
 * details removed (with the copy's own SHA-256, which the appendix prints beside the original's), or not at all.
 *
 * @param embeddedSha256 the SHA-256 of the bytes embedded (the original's for {@link Form#ORIGINAL}), else null
 * @param reason         why it is withheld, else null
 */
record OriginalPlan(Form form, String embeddedSha256, long embeddedSize, Withheld reason) {
    enum Form { ORIGINAL, CLEANED, WITHHELD, NONE }

    static final OriginalPlan NONE = new OriginalPlan(Form.NONE, null, 0, null);

    static OriginalPlan original(String sha256, long size) {
        return new OriginalPlan(Form.ORIGINAL, sha256, size, null);
    }

    static OriginalPlan cleaned(String sha256, long size) {
        return new OriginalPlan(Form.CLEANED, sha256, size, null);
    }

    static OriginalPlan withheld(Withheld reason) {
        return new OriginalPlan(Form.WITHHELD, null, 0, reason);
    }

    boolean embedded() {
        return form == Form.ORIGINAL || form == Form.CLEANED;
    }
}
