package org.casebook.imports;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * What one file's import found and did; {@link #toJson()} gives the command line's {@code --json} object.
 *
 * @param messages  authored entries (including media-only, omitted and deleted ones)
 * @param calls     call-log entries
 * @param system    service lines
 * @param added     records written to the vault (0 on a dry run or a re-import)
 * @param duplicates records already in the vault from an earlier import
 * @param duplicatesInFile records the file itself holds more than once (the same identity and content), counted
 *                   once: left out of every other figure here
 * @param captures  saved web pages read (1 for a saved page, else 0); {@code added} says whether it was stored
 * @param pageTitle the saved page's title, or null
 * @param pageUrl   the saved page's address, or null
 * @param fileSha256 the saved page's file's SHA-256 (kept byte for byte beside the capture's WARC), or null
 * @param first     the earliest time, as an ISO-8601 local date-time (as written, or in the case's zone)
 */
public record ImportSummary(String file, ImportFormat format, long messages, long calls, long system, long senders,
                            long attachments, long missingAttachments, long omitted, long deleted, String first,
                            String last, long added, long duplicates, long duplicatesInFile, String timezone,
                            DateOrder dateOrder, boolean dryRun, List<String> warnings, long captures,
                            String pageTitle, String pageUrl, String fileSha256) {
    public ImportSummary {
        warnings = List.copyOf(warnings);
    }

    public Map<String, Object> toJson() {
        Map<String, Object> json = new LinkedHashMap<>();
        json.put("file", file);
        json.put("format", format.code());
        json.put("messages", messages);
        json.put("calls", calls);
        json.put("system", system);
        json.put("senders", senders);
        json.put("attachments", attachments);
        json.put("missing_attachments", missingAttachments);
        json.put("omitted", omitted);
        json.put("deleted", deleted);
        json.put("first", first);
        json.put("last", last);
        json.put("added", added);
        json.put("duplicates", duplicates);
        json.put("duplicates_in_file", duplicatesInFile);
        json.put("timezone", timezone);
        json.put("date_order", dateOrder == null ? null : dateOrder.code());
        json.put("dry_run", dryRun);
        json.put("warnings", warnings);
        json.put("captures", captures);
        if (captures > 0) {
            json.put("title", pageTitle);
            json.put("url", pageUrl);
            json.put("file_sha256", fileSha256);
        }
        return json;
    }
}
