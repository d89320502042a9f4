package org.casebook.bundle;

import java.io.IOException;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.List;
import org.casebook.evidence.Amendments;

/**
 * Under a diary entry that was edited after it was written: "Amended on …", and what each changed field said
 * before, oldest edit first, so the reader sees the wording as first written and every change since.
 */
final class AmendmentNotes {
    private final PageWriter w;
    private final ZoneId zone;

    AmendmentNotes(PageWriter writer, ZoneId zone) {
        this.w = writer;
        this.zone = zone;
    }

    void write(List<Amendments.Amendment> amendments) throws IOException {
        if (amendments.isEmpty()) {
            return;
        }
        w.gap(2);
        w.paragraph("This entry was amended after it was first written " + (amendments.size() == 1 ? "(once)"
                : "(" + amendments.size() + " times)") + ". The earlier wording is kept:", PageWriter.SMALL_BOLD,
                PageWriter.LEFT + 12, PageWriter.WIDTH - 12);
        for (Amendments.Amendment a : amendments) {
            w.paragraph("Amended on " + Dates.dayTime(a.at(), zone) + ":", PageWriter.SMALL, PageWriter.LEFT + 12,
                    PageWriter.WIDTH - 12);
            for (Amendments.FieldChange c : a.changes()) {
                w.paragraph(label(c.field()) + " before: " + value(c.field(), c.before()) + "; after: "
                        + value(c.field(), c.after()), PageWriter.SMALL, PageWriter.LEFT + 24, PageWriter.WIDTH - 24);
            }
        }
    }

    private static String label(String field) {
        return switch (field) {
            case "description" -> "Wording";
            case "at" -> "Time";
            case "end" -> "End time";
            case "approximate" -> "Time approximate";
            case "type" -> "Kind of incident";
            case "location" -> "Where";
            case "witnesses" -> "Witnesses";
            case "impact" -> "Effect on me";
            case "police_ref" -> "Reported";
            default -> field.replace('_', ' ');
        };
    }

    private String value(String field, String v) {
        if (v == null) {
            return "(nothing)";
        }
        if (("at".equals(field) || "end".equals(field))) {
            try {
                return Dates.dayTime(ZonedDateTime.parse(v).withZoneSameInstant(zone), zone);
            } catch (java.time.format.DateTimeParseException e) {
                return v;
            }
        }
        if ("type".equals(field)) {
            return org.casebook.model.Coded.find(org.casebook.model.IncidentType.class, v)
                    .map(org.casebook.model.IncidentType::label).orElse(v);
        }
        return "\u201C" + v + "\u201D";
    }
}
