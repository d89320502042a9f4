package org.casebook.imports;

import java.util.List;

/**
 * What a file holds, read without writing anything: for the import wizard's preview and sender step.
 *
 * @param summary the dry-run summary
 * @param senders each sender with how many records they sent, most first
 * @param sample  the first records, as the export holds them
 * @param sampleText each sample record's display text (repaired where the format needs it, bidi removed)
 * @param me      the best guess at which sender is the user herself, or null when nothing tells
 */
public record ImportSurvey(ImportFormat format, ImportSummary summary, List<SenderCount> senders,
                           List<ImportedMessage> sample, List<String> sampleText, Guess me) {
    public ImportSurvey {
        senders = List.copyOf(senders);
        sample = List.copyOf(sample);
        sampleText = List.copyOf(sampleText);
    }

    /** Which sender is most likely the user, and why (said to her, so she can correct it). */
    public record Guess(SenderCount sender, String reason) {
    }

    /**
     * A sender as the export names them (a name, or a number or address).
     *
     * @param known the role of the person of the case this sender already is (the witness, the perpetrator), or
     *              null for a sender the case does not know yet
     */
    public record SenderCount(String name, String address, long count, org.casebook.model.PersonRole known) {
        public String label() {
            if (name != null && !name.isBlank()) {
                return address == null || address.isBlank() || address.equals(name)
                        ? DisplayText.of(name) : DisplayText.of(name) + " (" + DisplayText.of(address) + ")";
            }
            return address == null ? "" : DisplayText.of(address);
        }

        /** The value that names this sender in {@link ImportOptions#perpetrators()} and {@link ImportOptions#me()}. */
        public String key() {
            return address != null && !address.isBlank() ? address : name;
        }
    }
}
