package org.casebook.ui.timeline;

import java.util.ArrayList;
import java.util.List;
import java.util.function.Predicate;
import org.casebook.model.IncidentType;
import org.casebook.model.ItemKind;
import org.casebook.model.TimelineItem;

/** A choice in the timeline's "show" filter: everything, a kind of item, or one type of incident. */
public record TypeFilter(String label, Predicate<TimelineItem> accepts) {
    public static final TypeFilter EVERYTHING = new TypeFilter("Everything", item -> true);

    public static List<TypeFilter> all() {
        List<TypeFilter> out = new ArrayList<>();
        out.add(EVERYTHING);
        out.add(new TypeFilter("Diary entries", item -> item.kind() == ItemKind.INCIDENT));
        out.add(new TypeFilter("Messages", item -> item.kind() == ItemKind.MESSAGE));
        out.add(new TypeFilter("Photos and files", item -> item.kind() == ItemKind.ATTACHMENT));
        for (IncidentType type : IncidentType.values()) {
            out.add(new TypeFilter("Diary: " + type.label(),
                    item -> item.kind() == ItemKind.INCIDENT && type.code().equals(item.type())));
        }
        return out;
    }

    @Override
    public String toString() {
        return label;
    }
}
