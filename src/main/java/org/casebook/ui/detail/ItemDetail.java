package org.casebook.ui.detail;

import java.util.List;
import javafx.scene.image.Image;
import org.casebook.model.Attachment;
import org.casebook.model.AuditEntry;
import org.casebook.model.Incident;
import org.casebook.model.TimelineItem;

/** What the detail pane shows for the selected item, loaded off the FX thread. */
public sealed interface ItemDetail {
    TimelineItem item();

    record OfIncident(TimelineItem item, Incident incident, List<AuditEntry> history) implements ItemDetail {
    }

    /**
     * @param preview the picture for a photo (decoded in memory, never written to disk), else null
     * @param exhibitTitle the title the file goes by in a bundle (the one given, else its default)
     */
    record OfFile(TimelineItem item, Attachment attachment, Image preview, String exhibitTitle,
                  List<AuditEntry> history) implements ItemDetail {
    }

    /**
     * A captured web page (or file, or a re-capture that found it gone).
     *
     * @param screenshot the full-page screenshot decoded in memory (never written to disk), or null
     */
    record OfCapture(TimelineItem item, org.casebook.evidence.CaptureFacts.Capture capture, Image screenshot,
                     List<AuditEntry> history) implements ItemDetail {
    }

    /**
     * A message or call with its conversation around it, as the phone showed it (imported messages), or
     * that day's messages for items outside any conversation.
     */
    record OfMessage(TimelineItem item, List<TimelineItem> thread) implements ItemDetail {
    }
}
