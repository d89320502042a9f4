package org.casebook.ui.timeline;

import java.time.LocalDate;
import org.casebook.model.TimelineItem;

/** A row of the timeline list: a day heading, or an item under it. */
public sealed interface TimelineRow {
    record Day(LocalDate day, int count) implements TimelineRow {
    }

    record Entry(TimelineItem item) implements TimelineRow {
    }
}
