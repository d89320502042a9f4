package org.casebook.imports;

import java.util.Arrays;

/**
 * A set of longs in one array (open addressing), so that a million message keys cost 16 MB rather than the
 * ~60 MB of a {@code HashSet<Long>}: imports run with a bounded heap.
 */
final class LongHashSet {
    private static final long EMPTY = 0L;
    private long[] slots = new long[1024];
    private boolean hasZero;
    private int size;

    /** Returns true when the value was not there before. */
    boolean add(long value) {
        if (value == EMPTY) {
            boolean added = !hasZero;
            hasZero = true;
            return added;
        }
        if ((size + 1) * 2 > slots.length) {
            grow();
        }
        int i = index(value, slots.length);
        while (slots[i] != EMPTY) {
            if (slots[i] == value) {
                return false;
            }
            i = (i + 1) & (slots.length - 1);
        }
        slots[i] = value;
        size++;
        return true;
    }

    boolean contains(long value) {
        if (value == EMPTY) {
            return hasZero;
        }
        int i = index(value, slots.length);
        while (slots[i] != EMPTY) {
            if (slots[i] == value) {
                return true;
            }
            i = (i + 1) & (slots.length - 1);
        }
        return false;
    }

    private void grow() {
        long[] old = slots;
        slots = new long[old.length * 2];
        for (long v : old) {
            if (v != EMPTY) {
                int i = index(v, slots.length);
                while (slots[i] != EMPTY) {
                    i = (i + 1) & (slots.length - 1);
                }
                slots[i] = v;
            }
        }
    }

    private static int index(long value, int length) {
        long h = value * 0x9E3779B97F4A7C15L;
        return (int) (h >>> 40) & (length - 1);
    }

    void clear() {
        Arrays.fill(slots, EMPTY);
        hasZero = false;
        size = 0;
    }
}
