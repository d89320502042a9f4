package org.casebook.imports;

import java.util.Locale;

/** How a numeric date is written: day first (31/12/23), month first (12/31/23) or year first (2023/12/31). */
public enum DateOrder {
    DMY, MDY, YMD;

    public String code() {
        return name().toLowerCase(Locale.ROOT);
    }

    public static DateOrder fromCode(String code) {
        return valueOf(code.strip().toUpperCase(Locale.ROOT));
    }
}
