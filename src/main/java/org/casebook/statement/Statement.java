package org.casebook.statement;

import java.time.Instant;
import java.util.List;
import java.util.Map;

/**
 * A case's witness statement in one profile, as stored.
 *
 * @param draft      Casebook's latest draft, made from the case
 * @param exhibits   the marks the latest draft produced, each with the item it was made from
 * @param ownText    the witness's own wording, or null until they first save an edit
 * @param edited     when the witness last saved their wording, or null
 * @param versions   how many wordings the witness has saved (earlier ones are kept)
 */
public record Statement(long caseId, StatementProfile profile, StatementDetails details, String draft,
                        Instant drafted, Map<String, Long> exhibits, String ownText, Instant edited, int versions) {
    public Statement {
        exhibits = java.util.Collections.unmodifiableMap(new java.util.LinkedHashMap<>(exhibits));
    }

    /** What is printed: the witness's own wording once there is one, else the draft. */
    public String text() {
        return ownText != null ? ownText : draft;
    }

    public boolean isEdited() {
        return ownText != null;
    }

    public List<String> paragraphs() {
        return StatementText.paragraphs(text());
    }
}
