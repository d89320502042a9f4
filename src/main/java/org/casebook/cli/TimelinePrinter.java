package org.casebook.cli;

import java.io.PrintStream;
import java.time.ZoneId;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import org.casebook.evidence.Senders;
import org.casebook.evidence.TimeWords;
import org.casebook.model.Case;
import org.casebook.model.TimelineItem;
import org.casebook.model.When;

/** Prints timeline items as a table for people or as JSON lines for programs ({@code timeline}, {@code search}). */
final class TimelinePrinter implements Consumer<TimelineItem> {
    private static final String ROW = "%-17s %-6s %-10s %-16s %s%n";

    private final PrintStream out;
    private final boolean json;
    private long count;

    TimelinePrinter(PrintStream out, boolean json) {
        this.out = out;
        this.json = json;
    }

    void header(Case aCase) {
        if (!json) {
            out.println("Case " + aCase.id() + ": " + aCase.title() + " (times in " + aCase.zone().getId()
                    + "; ~ means approximate)");
            out.printf(ROW, "WHEN", "ID", "KIND", "TYPE", "WHAT");
        }
    }

    @Override
    public void accept(TimelineItem item) {
        count++;
        if (json) {
            JsonLines.write(out, toJson(item));
            return;
        }
        ZoneId zone = item.when().at().getZone();
        String when = (item.when().approximate() ? "~" : "") + TimeWords.day(item.when(), zone) + " "
                + TimeWords.clock(item.when(), zone);
        String text = item.sender() == null ? item.text()
                : Senders.withAttribution(item.sender(), item.attributedTo()) + ": " + item.text();
        String marker = TimeWords.marker(item.when(), zone);
        if (marker != null) {
            text = "[" + marker + "] " + text;
        }
        out.printf(ROW, when, item.id(), item.kind().code(), Formats.cell(item.type(), 16), Formats.cell(text, 100));
    }

    long count() {
        return count;
    }

    static Map<String, Object> toJson(TimelineItem item) {
        Map<String, Object> row = new LinkedHashMap<>();
        row.put("id", item.id());
        row.put("case_id", item.caseId());
        row.put("kind", item.kind().code());
        row.put("type", item.type());
        row.put("at", Formats.iso(item.when().at()));
        row.put("end", Formats.iso(item.when().end()));
        row.put("approximate", item.when().approximate());
        When.ClockChange change = item.when().clockChange();
        if (change != null) {
            row.put("written", change.written().toString());
            row.put("clock_change", change.skipped() ? "skipped" : "repeated");
        }
        row.put("added_at", Formats.iso(item.added(), item.when().at().getZone()));
        row.put("sender", item.sender());
        row.put("sender_id", item.senderId());
        row.put("attributed_to", item.attributedTo());
        row.put("text", item.text());
        row.put("sha256", item.sha256());
        row.put("source", item.source());
        row.put("conversation_id", item.conversationId());
        row.put("direction", item.direction());
        row.put("flags", item.flags() == null ? List.of() : List.of(item.flags().split(",")));
        return row;
    }
}
