package org.casebook.ui.common;

import org.casebook.model.Case;

/** A screen about one case (Pattern, Orders, …): loads when shown, and drops everything on lock. */
public interface CaseScreen {
    /** Reads the case's data off the FX thread and shows it. */
    void show(Case aCase);

    /** Forgets everything it showed (lock, quick exit, another case). */
    void clear();
}
