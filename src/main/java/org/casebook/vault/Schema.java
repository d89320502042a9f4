package org.casebook.vault;

import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;

/**
 * The vault's schema as forward-only migrations. {@code PRAGMA user_version} holds the number of the last
 * migration applied; a vault from a newer Casebook (a higher number) is refused, never changed.
 */
final class Schema {
    /** Marks the file as a Casebook vault (PRAGMA application_id): "CBK1". */
    static final int APPLICATION_ID = 0x43424B31;

    private record Migration(int version, String description, List<String> statements) {
    }

    private static final List<Migration> MIGRATIONS = List.of(
            new Migration(1, "cases, people, items, blobs and the audit log", List.of(
                    """
                    CREATE TABLE vault_meta(
                        key   TEXT PRIMARY KEY,
                        value TEXT NOT NULL)""",
                    """
                    CREATE TABLE case_file(
                        id          INTEGER PRIMARY KEY AUTOINCREMENT,
                        title       TEXT NOT NULL UNIQUE,
                        initials    TEXT NOT NULL,
                        zone        TEXT NOT NULL,
                        created_utc INTEGER NOT NULL)""",
                    """
                    CREATE TABLE person(
                        id      INTEGER PRIMARY KEY AUTOINCREMENT,
                        case_id INTEGER NOT NULL REFERENCES case_file(id),
                        name    TEXT NOT NULL,
                        role    TEXT NOT NULL,
                        notes   TEXT)""",
                    "CREATE INDEX person_case ON person(case_id)",
                    """
                    CREATE TABLE identifier(
                        id         INTEGER PRIMARY KEY,
                        person_id  INTEGER NOT NULL REFERENCES person(id) ON DELETE CASCADE,
                        kind       TEXT NOT NULL,
                        raw        TEXT NOT NULL,
                        normalized TEXT NOT NULL)""",
                    "CREATE INDEX identifier_person ON identifier(person_id)",
                    "CREATE INDEX identifier_value ON identifier(normalized)",
                    """
                    CREATE TABLE blob(
                        id         INTEGER PRIMARY KEY,
                        sha256     TEXT UNIQUE,
                        size       INTEGER NOT NULL,
                        chunk_size INTEGER NOT NULL)""",
                    """
                    CREATE TABLE blob_chunk(
                        id      INTEGER PRIMARY KEY,
                        blob_id INTEGER NOT NULL REFERENCES blob(id) ON DELETE CASCADE,
                        seq     INTEGER NOT NULL,
                        data    BLOB NOT NULL,
                        UNIQUE(blob_id, seq))""",
                    """
                    CREATE TABLE item(
                        id                INTEGER PRIMARY KEY AUTOINCREMENT,
                        case_id           INTEGER NOT NULL REFERENCES case_file(id),
                        kind              TEXT NOT NULL,
                        type              TEXT,
                        at_utc            INTEGER NOT NULL,
                        at_zone           TEXT NOT NULL,
                        at_local          TEXT NOT NULL,
                        end_utc           INTEGER,
                        approximate       INTEGER NOT NULL DEFAULT 0,
                        added_utc         INTEGER NOT NULL,
                        text              TEXT,
                        location          TEXT,
                        witnesses         TEXT,
                        impact            TEXT,
                        police_ref        TEXT,
                        sender_id         INTEGER REFERENCES person(id),
                        blob_id           INTEGER REFERENCES blob(id),
                        file_name         TEXT,
                        media_type        TEXT,
                        file_size         INTEGER,
                        file_modified_utc INTEGER,
                        extra             TEXT,
                        source            TEXT,
                        searchable        TEXT)""",
                    "CREATE INDEX item_timeline ON item(case_id, at_utc, id)",
                    "CREATE INDEX item_blob ON item(blob_id)",
                    """
                    CREATE TABLE item_link(
                        item_id     INTEGER NOT NULL REFERENCES item(id) ON DELETE CASCADE,
                        incident_id INTEGER NOT NULL REFERENCES item(id) ON DELETE CASCADE,
                        PRIMARY KEY(item_id, incident_id)) WITHOUT ROWID""",
                    "CREATE INDEX item_link_incident ON item_link(incident_id)",
                    """
                    CREATE TABLE audit(
                        seq       INTEGER PRIMARY KEY,
                        at_utc    INTEGER NOT NULL,
                        action    TEXT NOT NULL,
                        subject   TEXT NOT NULL,
                        detail    TEXT NOT NULL,
                        prev_hash TEXT NOT NULL,
                        hash      TEXT NOT NULL)""",
                    "CREATE INDEX audit_subject ON audit(subject, seq)")),
            new Migration(2, "full-text search over item text (kept up to date by the use-cases, in bulk for imports)", List.of(
                    """
                    CREATE VIRTUAL TABLE item_fts USING fts5(
                        text, searchable,
                        content='item', content_rowid='id',
                        tokenize='unicode61 remove_diacritics 2')""",
                    "INSERT INTO item_fts(item_fts) VALUES ('rebuild')")),
            new Migration(3, "imported conversations and messages", List.of(
                    """
                    CREATE TABLE import_run(
                        id           INTEGER PRIMARY KEY AUTOINCREMENT,
                        case_id      INTEGER NOT NULL REFERENCES case_file(id),
                        format       TEXT NOT NULL,
                        file_name    TEXT NOT NULL,
                        blob_id      INTEGER REFERENCES blob(id),
                        zone         TEXT NOT NULL,
                        date_order   TEXT,
                        summary      TEXT NOT NULL,
                        imported_utc INTEGER NOT NULL)""",
                    "CREATE INDEX import_run_case ON import_run(case_id)",
                    """
                    CREATE TABLE conversation(
                        id      INTEGER PRIMARY KEY AUTOINCREMENT,
                        case_id INTEGER NOT NULL REFERENCES case_file(id),
                        channel TEXT NOT NULL,
                        key     TEXT NOT NULL,
                        title   TEXT,
                        UNIQUE(case_id, channel, key))""",
                    "ALTER TABLE item ADD COLUMN conversation_id INTEGER REFERENCES conversation(id)",
                    "ALTER TABLE item ADD COLUMN direction TEXT",
                    "ALTER TABLE item ADD COLUMN flags TEXT",
                    "ALTER TABLE item ADD COLUMN import_id INTEGER REFERENCES import_run(id)",
                    "ALTER TABLE item ADD COLUMN dedupe_key INTEGER",
                    "CREATE INDEX item_dedupe ON item(case_id, dedupe_key) WHERE dedupe_key IS NOT NULL",
                    "CREATE INDEX item_conversation ON item(conversation_id, at_utc) WHERE conversation_id IS NOT NULL")),
            // Cheaper upkeep for bulk imports, the same data and the same answers to every query:
            // - item_blob held an entry for every item, almost all with a NULL blob_id; "blob_id = ?" only
            //   ever looks for a real id, which a partial index answers the same.
            // - item_dedupe was keyed on the dedupe hash itself, so each imported row went into a random place
            //   of the index (the costliest part of a bulk insert). The keys are only ever read per case, all of
            //   them at once, so keying the index by id (with the hash covered) keeps that a plain index scan
            //   while new rows are appended at its end.
            // - item_fts kept each row's token count per column (columnsize), which only bm25 ranking and the
            //   column-size API use; Casebook orders search results by time and never ranks them.
            new Migration(4, "leaner indexes for bulk imports (blob and dedupe-key indexes, search index without column sizes)",
                    List.of(
                    "DROP INDEX item_blob",
                    "CREATE INDEX item_blob ON item(blob_id) WHERE blob_id IS NOT NULL",
                    "DROP INDEX item_dedupe",
                    "CREATE INDEX item_dedupe ON item(case_id, id, dedupe_key) WHERE dedupe_key IS NOT NULL",
                    "DROP TABLE item_fts",
                    """
                    CREATE VIRTUAL TABLE item_fts USING fts5(
                        text, searchable,
                        content='item', content_rowid='id',
                        tokenize='unicode61 remove_diacritics 2',
                        columnsize=0)""",
                    "INSERT INTO item_fts(item_fts) VALUES ('rebuild')")),
            // Links to items cascade so that deleting an item (which the audit log records) never fails on them.
            new Migration(5, "course of conduct: orders and breaches, reports, impact, behaviour tags, merged people",
                    List.of(
                    """
                    CREATE TABLE court_order(
                        id                INTEGER PRIMARY KEY AUTOINCREMENT,
                        case_id           INTEGER NOT NULL REFERENCES case_file(id),
                        kind              TEXT NOT NULL,
                        issuer            TEXT,
                        reference         TEXT,
                        made              TEXT NOT NULL,
                        expires           TEXT,
                        against_person_id INTEGER REFERENCES person(id),
                        notes             TEXT,
                        added_utc         INTEGER NOT NULL)""",
                    "CREATE INDEX court_order_case ON court_order(case_id)",
                    """
                    CREATE TABLE order_condition(
                        id       INTEGER PRIMARY KEY AUTOINCREMENT,
                        order_id INTEGER NOT NULL REFERENCES court_order(id) ON DELETE CASCADE,
                        position INTEGER NOT NULL,
                        text     TEXT NOT NULL,
                        UNIQUE(order_id, position))""",
                    """
                    CREATE TABLE breach(
                        item_id      INTEGER NOT NULL REFERENCES item(id) ON DELETE CASCADE,
                        condition_id INTEGER NOT NULL REFERENCES order_condition(id) ON DELETE CASCADE,
                        status       TEXT NOT NULL CHECK (status IN ('confirmed', 'dismissed')),
                        note         TEXT,
                        decided_utc  INTEGER NOT NULL,
                        PRIMARY KEY(item_id, condition_id)) WITHOUT ROWID""",
                    "CREATE INDEX breach_condition ON breach(condition_id)",
                    """
                    CREATE TABLE report(
                        id             INTEGER PRIMARY KEY AUTOINCREMENT,
                        case_id        INTEGER NOT NULL REFERENCES case_file(id),
                        at_utc         INTEGER NOT NULL,
                        at_zone        TEXT NOT NULL,
                        at_local       TEXT NOT NULL,
                        recipient_kind TEXT NOT NULL,
                        recipient      TEXT,
                        reference      TEXT,
                        contact        TEXT,
                        outcome        TEXT,
                        added_utc      INTEGER NOT NULL)""",
                    "CREATE INDEX report_case ON report(case_id, at_utc)",
                    """
                    CREATE TABLE report_link(
                        report_id INTEGER NOT NULL REFERENCES report(id) ON DELETE CASCADE,
                        item_id   INTEGER NOT NULL REFERENCES item(id) ON DELETE CASCADE,
                        PRIMARY KEY(report_id, item_id)) WITHOUT ROWID""",
                    "CREATE INDEX report_link_item ON report_link(item_id)",
                    """
                    CREATE TABLE impact(
                        id        INTEGER PRIMARY KEY AUTOINCREMENT,
                        case_id   INTEGER NOT NULL REFERENCES case_file(id),
                        day       TEXT NOT NULL,
                        kind      TEXT NOT NULL,
                        text      TEXT NOT NULL,
                        added_utc INTEGER NOT NULL)""",
                    "CREATE INDEX impact_case ON impact(case_id, day)",
                    """
                    CREATE TABLE impact_link(
                        impact_id INTEGER NOT NULL REFERENCES impact(id) ON DELETE CASCADE,
                        item_id   INTEGER NOT NULL REFERENCES item(id) ON DELETE CASCADE,
                        PRIMARY KEY(impact_id, item_id)) WITHOUT ROWID""",
                    "CREATE INDEX impact_link_item ON impact_link(item_id)",
                    """
                    CREATE TABLE item_tag(
                        item_id INTEGER NOT NULL REFERENCES item(id) ON DELETE CASCADE,
                        tag     TEXT NOT NULL,
                        PRIMARY KEY(item_id, tag)) WITHOUT ROWID""",
                    "CREATE INDEX item_tag_tag ON item_tag(tag, item_id)",
                    "ALTER TABLE person ADD COLUMN merged_into INTEGER REFERENCES person(id)")),
            // A photo's print rendition is derived data, not evidence: it lives in the blob store (encrypted like
            // everything else) but no item refers to it, so it is never exported or listed as an exhibit. A row
            // with no blob records that the image could not be decoded, so nobody tries again on every bundle.
            new Migration(6, "print renditions of photos (oriented, at most 2400 px, for the bundle)", List.of(
                    """
                    CREATE TABLE rendition(
                        original_blob_id INTEGER PRIMARY KEY REFERENCES blob(id) ON DELETE CASCADE,
                        blob_id          INTEGER REFERENCES blob(id),
                        width            INTEGER,
                        height           INTEGER,
                        note             TEXT,
                        made_utc         INTEGER NOT NULL)""",
                    "CREATE INDEX rendition_blob ON rendition(blob_id) WHERE blob_id IS NOT NULL")),
            // A bundle or export holds decrypted evidence while it is written beside its destination; a copy of
            // the vault made for a backup or a passphrase change opens with the old passphrase. Each is recorded
            // here before its first byte is written and forgotten once it is finished or removed, so that what a
            // crash leaves behind is found and removed the next time the vault is opened. The owner (process id
            // and start time) tells a file another running Casebook is still writing from a leftover.
            new Migration(7, "files being written outside the vault (removed at the next open if a crash left them)",
                    List.of(
                    """
                    CREATE TABLE pending_output(
                        path          TEXT PRIMARY KEY,
                        kind          TEXT NOT NULL,
                        owner_pid     INTEGER NOT NULL,
                        owner_started INTEGER,
                        started_utc   INTEGER NOT NULL)""")),
            // A captured web page is an item of kind 'capture' (its blob is the WARC, its source the URL, its
            // searchable text the page's visible text); this row holds what the fetch recorded and the other files
            // kept with it. A re-capture points at the capture before it; the pages of one site capture share
            // the item id of its first page.
            new Migration(8, "captured web pages (WARC, single-file HTML, screenshot, fetch details, re-capture verdicts)",
                    List.of(
                    """
                    CREATE TABLE capture(
                        item_id         INTEGER PRIMARY KEY REFERENCES item(id) ON DELETE CASCADE,
                        kind            TEXT NOT NULL CHECK (kind IN ('page', 'file', 'unreachable')),
                        requested_url   TEXT NOT NULL,
                        final_url       TEXT,
                        redirects       TEXT NOT NULL,
                        status          INTEGER,
                        headers         TEXT,
                        server_ip       TEXT,
                        cert_subject    TEXT,
                        cert_issuer     TEXT,
                        cert_not_before INTEGER,
                        cert_not_after  INTEGER,
                        cert_sha256     TEXT,
                        captured_utc    INTEGER NOT NULL,
                        title           TEXT,
                        note            TEXT,
                        media_type      TEXT,
                        site_id         INTEGER REFERENCES item(id) ON DELETE SET NULL,
                        recapture_of    INTEGER REFERENCES item(id) ON DELETE SET NULL,
                        verdict         TEXT CHECK (verdict IN ('unchanged', 'changed', 'gone')),
                        diff            TEXT,
                        resources       TEXT NOT NULL,
                        warnings        TEXT NOT NULL,
                        proxy           TEXT,
                        html_blob_id    INTEGER REFERENCES blob(id),
                        png_blob_id     INTEGER REFERENCES blob(id),
                        file_blob_id    INTEGER REFERENCES blob(id))""",
                    "CREATE INDEX capture_url ON capture(requested_url)",
                    "CREATE INDEX capture_site ON capture(site_id) WHERE site_id IS NOT NULL",
                    "CREATE INDEX capture_html_blob ON capture(html_blob_id) WHERE html_blob_id IS NOT NULL",
                    "CREATE INDEX capture_png_blob ON capture(png_blob_id) WHERE png_blob_id IS NOT NULL",
                    "CREATE INDEX capture_file_blob ON capture(file_blob_id) WHERE file_blob_id IS NOT NULL")),
            // The bundle's cover and the titles exhibits go by: descriptive fields beside the rows they describe
            // (not in them), so the rows' recorded states stay as they were; edits are audited with their old
            // values under the case's or item's subject.
            new Migration(9, "bundle front matter: the case's cover details and exhibit titles",
                    List.of(
                    """
                    CREATE TABLE case_cover(
                        case_id      INTEGER PRIMARY KEY REFERENCES case_file(id),
                        court        TEXT,
                        case_number  TEXT,
                        hearing      TEXT,
                        judge        TEXT,
                        applicant    TEXT,
                        respondent   TEXT,
                        witness      TEXT,
                        prepared_by  TEXT,
                        prepared_for TEXT)""",
                    """
                    CREATE TABLE exhibit_title(
                        item_id INTEGER PRIMARY KEY REFERENCES item(id) ON DELETE CASCADE,
                        title   TEXT NOT NULL)""")),
            // Knowing of an order is an element of a breach: when and how it was served is recorded, and the
            // order's own document (an attached file) can be linked so that the bundle produces it as an exhibit.
            new Migration(10, "orders: date and manner of service, the order's document; the basis of each attribution; officers' collar numbers; continuity of the originals",
                    List.of(
                    "ALTER TABLE court_order ADD COLUMN served TEXT",
                    "ALTER TABLE court_order ADD COLUMN served_how TEXT",
                    "ALTER TABLE court_order ADD COLUMN document_item_id INTEGER REFERENCES item(id) ON DELETE SET NULL",
                    "ALTER TABLE report ADD COLUMN collar TEXT",
                    // Why the witness says a number, address, account or vehicle is a person's ("his number since
                    // 2019; he called me from it"), and whether the export itself shows it or it is her belief.
                    """
                    CREATE TABLE attribution(
                        identifier_id   INTEGER PRIMARY KEY REFERENCES identifier(id) ON DELETE CASCADE,
                        basis           TEXT,
                        shown_in_export INTEGER NOT NULL DEFAULT 0,
                        set_utc         INTEGER NOT NULL)""",
                    // Continuity of each original (keyed by its hash, so every exhibit made from one export
                    // shares it): who exported it, from which device and app, when, and how.
                    """
                    CREATE TABLE continuity(
                        case_id     INTEGER NOT NULL REFERENCES case_file(id),
                        sha256      TEXT NOT NULL,
                        exported_by TEXT,
                        device      TEXT,
                        app         TEXT,
                        exported_on TEXT,
                        method      TEXT,
                        set_utc     INTEGER NOT NULL,
                        PRIMARY KEY(case_id, sha256)) WITHOUT ROWID""")),
            // The vault's key for signing its bundles: made with the vault (or at the first bundle of an older
            // vault) and never stored anywhere else, so only whoever can unlock the vault can sign as it. A
            // certificate is issued over the same key for each name a bundle is prepared by, and kept so that
            // every bundle that name prepares shows the same certificate.
            new Migration(11, "the vault's bundle-signing key and its certificates", List.of(
                    """
                    CREATE TABLE signing_key(
                        id          INTEGER PRIMARY KEY CHECK (id = 1),
                        algorithm   TEXT NOT NULL,
                        private_key BLOB NOT NULL,
                        public_key  BLOB NOT NULL,
                        created_utc INTEGER NOT NULL)""",
                    """
                    CREATE TABLE signing_certificate(
                        id          INTEGER PRIMARY KEY AUTOINCREMENT,
                        subject     TEXT NOT NULL UNIQUE,
                        der         BLOB NOT NULL,
                        sha256      TEXT NOT NULL,
                        issued_utc  INTEGER NOT NULL)""")),
            // One statement per case and profile. Casebook's draft and the witness's own wording are kept apart, so
            // that drafting again never overwrites what the witness wrote; every wording the witness saved stays in
            // statement_version (a statement's earlier wording is disclosable), and each save is in the audit log.
            new Migration(12, "witness statements: the draft, the witness's own wording and every earlier wording",
                    List.of(
                    """
                    CREATE TABLE statement(
                        case_id      INTEGER NOT NULL REFERENCES case_file(id),
                        profile      TEXT NOT NULL CHECK (profile IN ('police', 'family', 'civil')),
                        witness      TEXT,
                        occupation   TEXT,
                        age          TEXT,
                        relationship TEXT,
                        party        TEXT,
                        number       INTEGER NOT NULL DEFAULT 1,
                        dated        TEXT,
                        draft        TEXT NOT NULL,
                        drafted_utc  INTEGER NOT NULL,
                        exhibits     TEXT NOT NULL,
                        text         TEXT,
                        edited_utc   INTEGER,
                        PRIMARY KEY(case_id, profile)) WITHOUT ROWID""",
                    """
                    CREATE TABLE statement_version(
                        id        INTEGER PRIMARY KEY AUTOINCREMENT,
                        case_id   INTEGER NOT NULL,
                        profile   TEXT NOT NULL,
                        text      TEXT NOT NULL,
                        saved_utc INTEGER NOT NULL,
                        FOREIGN KEY(case_id, profile) REFERENCES statement(case_id, profile))""",
                    "CREATE INDEX statement_version_of ON statement_version(case_id, profile, id)")),
            // Risk-screening support: the witness's own answer to each warning sign the evidence cannot show
            // (fear, earlier stalking) or adds to, and the screenings an advocate or officer ran with their own
            // tool. Casebook keeps who ran which tool and what it concluded, never the tool's questions.
            new Migration(13, "risk screening: answers to the warning signs and screenings run with other tools",
                    List.of(
                    """
                    CREATE TABLE warning_sign_answer(
                        id           INTEGER PRIMARY KEY AUTOINCREMENT,
                        case_id      INTEGER NOT NULL REFERENCES case_file(id),
                        sign         TEXT NOT NULL,
                        answer       TEXT NOT NULL CHECK (answer IN ('yes', 'no', 'unsure')),
                        note         TEXT,
                        answered_utc INTEGER NOT NULL,
                        UNIQUE(case_id, sign))""",
                    """
                    CREATE TABLE screening(
                        id          INTEGER PRIMARY KEY AUTOINCREMENT,
                        case_id     INTEGER NOT NULL REFERENCES case_file(id),
                        tool        TEXT NOT NULL,
                        screened_on TEXT NOT NULL,
                        screened_by TEXT NOT NULL,
                        outcome     TEXT NOT NULL,
                        notes       TEXT,
                        added_utc   INTEGER NOT NULL)""",
                    "CREATE INDEX screening_of ON screening(case_id, screened_on)")),
            // When an export says it was made (an SMS backup's backup_date, a zip's newest file time), read from
            // the file at import and printed on the continuity page beside what the witness recorded.
            new Migration(15, "when each imported export says it was made",
                    List.of(
                    "ALTER TABLE import_run ADD COLUMN made_utc INTEGER",
                    "ALTER TABLE import_run ADD COLUMN made_basis TEXT")));

    static final int CURRENT_VERSION = MIGRATIONS.get(MIGRATIONS.size() - 1).version();

    private Schema() {
    }

    /** Every migration's number, in order (numbers may have gaps while branches are merged). */
    static List<Integer> versions() {
        return MIGRATIONS.stream().map(Migration::version).toList();
    }

    /** True when the vault has the rendition table (migration 6). */
    static boolean hasRenditions(Connection connection) throws SQLException {
        return version(connection) >= 6;
    }

    /** True when the vault has the capture table (migration 8). */
    static boolean hasCaptures(Connection connection) throws SQLException {
        return version(connection) >= 8;
    }

    static int version(Connection connection) throws SQLException {
        try (Statement s = connection.createStatement(); var rs = s.executeQuery("PRAGMA user_version")) {
            return rs.next() ? rs.getInt(1) : 0;
        }
    }

    /**
     * Applies every migration after the vault's version up to {@code target}, each in the caller's
     * transaction. Returns the descriptions of the migrations applied.
     */
    static List<String> migrate(Connection connection, int target) throws SQLException {
        int from = version(connection);
        List<String> applied = new java.util.ArrayList<>();
        try (Statement s = connection.createStatement()) {
            for (Migration m : MIGRATIONS) {
                if (m.version() > from && m.version() <= target) {
                    for (String sql : m.statements()) {
                        s.execute(sql);
                    }
                    s.execute("PRAGMA user_version = " + m.version());
                    applied.add(m.version() + ": " + m.description());
                }
            }
        }
        return applied;
    }
}
