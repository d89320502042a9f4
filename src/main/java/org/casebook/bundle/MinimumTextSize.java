package org.casebook.bundle;

/**
 * The smallest text a bundle may carry, by who receives it. FPR PD27A asks for text no smaller than 12 point in a
 * family bundle, so everything Casebook sets in one (tables, captions, stamps, fingerprints) is at least 12 pt.
 * Neither CPR PD32 nor police exhibit practice sets a size for a bundle's pages; there the floor is Casebook's own
 * smallest style, so the check still catches anything that slips below it.
 */
final class MinimumTextSize {
    static final float FAMILY = 12;
    static final float OWN_FLOOR = 7;

    private MinimumTextSize() {
    }

    static float of(BundleProfile profile) {
        return profile == BundleProfile.FAMILY ? FAMILY : OWN_FLOOR;
    }
}
