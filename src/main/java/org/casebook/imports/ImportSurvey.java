package org.casebook.imports;

import java.util.List;

/**
 * What a file holds, read without writing anything: for the import wizard's preview and sender step.
 *
 * @param summary the dry-run summary
 * @param senders each sender with how many records they sent, most first
 * @param sample  the first records, as the export holds them
 * @param sampleText each sample record's display text (repaired where the format needs it, bidi removed)
 */
public record ImportSurvey(ImportFormat format, ImportSummary summary, List<SenderCount> senders,
                           List<ImportedMessage> sample, List<String> sampleText) {
    public ImportSurvey {
        senders = List.copyOf(senders);
        sample = List.copyOf(sample);
        sampleText = List.copyOf(sampleText);
    }

    /** A sender as the export names them (a name, or a number or address). */
    public record SenderCount(String name, String address, long count) {
        public String label() {
            if (name != null && !name.isBlank()) {
                return address == null || address.isBlank() || address.equals(name)
                        ? DisplayText.of(name) : DisplayText.of(name) + " (" + DisplayText.of(address) + ")";
            }
            return address == null ? "" : DisplayText.of(address);
        }

        /** The value that marks this sender as the perpetrator in {@link ImportOptions#perpetrators()}. */
        public String key() {
            return address != null && !address.isBlank() ? address : name;
        }
    }
}
