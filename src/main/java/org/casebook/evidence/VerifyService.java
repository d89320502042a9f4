package org.casebook.evidence;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.casebook.model.VerifyReport;
import org.casebook.vault.Json;
import org.casebook.vault.Progress;
import org.casebook.vault.Sha256;
import org.casebook.vault.Vault;
import org.casebook.vault.VaultException;

/**
 * Checks a whole vault: every page's authentication, every original's SHA-256, the audit chain, and that
 * every case, person and item still matches the state the audit log recorded for it (one by one, or as
 * part of a bulk import's digest), as does every course-of-conduct record ({@link ConductCheck}).
 */
public final class VerifyService {
    private final Vault vault;

    public VerifyService(Vault vault) {
        this.vault = vault;
    }

    public VerifyReport verify(Progress progress) {
        List<String> problems = new ArrayList<>();
        long[] counts = new long[4];
        String[] head = {null};
        try {
            List<String> structure = vault.integrityCheck();
            if (!structure.isEmpty()) {
                // SQLite's own lines name pages and error codes: say first, in words, what they mean.
                problems.add("vault file: damaged or altered outside Casebook (the check of every page found "
                        + structure.size() + (structure.size() == 1 ? " problem" : " problems") + ", listed below)");
                structure.forEach(p -> problems.add("vault file: " + p));
            }
            vault.read(c -> {
                problems.addAll(vault.audit().verifyChain(c));
                counts[3] = vault.audit().size(c);
                head[0] = vault.audit().headHash(c);
                checkBlobs(c, problems, counts, progress);
                ConductCheck conduct = new ConductCheck();
                SideRecords.Check side = new SideRecords.Check();
                AuditStates recorded = AuditStates.read(c, problems, conduct, side);
                Map<Long, String> items = new HashMap<>();
                ItemState.scanItems(c, items::put);
                counts[0] = checkItems(items, recorded, problems);
                checkRows(c, "SELECT id FROM case_file", "case", recorded, problems, id -> ItemState.ofCase(c, id));
                checkRows(c, "SELECT id FROM person", "person", recorded, problems, id -> ItemState.ofPerson(c, id));
                checkStatements(c, recorded, problems);
                conduct.check(c, items::containsKey, problems);
                side.check(c, items::containsKey, problems);
                return null;
            });
        } catch (VaultException e) {
            if (e.kind() != VaultException.Kind.DAMAGED) {
                throw e;
            }
            problems.add("vault file: damaged or altered outside Casebook (a page failed its authentication"
                    + " check, so its content cannot be trusted or read)");
        }
        return new VerifyReport(counts[0], counts[1], counts[2], counts[3], head[0], problems);
    }

    private void checkBlobs(Connection c, List<String> problems, long[] counts, Progress progress)
            throws SQLException {
        List<long[]> blobs = new ArrayList<>();
        List<String> shas = new ArrayList<>();
        long total = 0;
        try (PreparedStatement ps = c.prepareStatement("SELECT id, sha256, size FROM blob ORDER BY id");
             ResultSet rs = ps.executeQuery()) {
            while (rs.next()) {
                blobs.add(new long[] {rs.getLong(1), rs.getLong(3)});
                shas.add(rs.getString(2));
                total += rs.getLong(3);
            }
        }
        long done = 0;
        for (int i = 0; i < blobs.size(); i++) {
            progress.checkCancelled();
            long id = blobs.get(i)[0];
            String recorded = shas.get(i);
            String actual = vault.blobs().rehash(c, id);
            if (recorded == null || !recorded.equals(actual)) {
                problems.add("stored original " + describeBlob(c, id) + " does not match its SHA-256 (recorded "
                        + recorded + ", now " + actual + ")");
            }
            done += blobs.get(i)[1];
            counts[1]++;
            counts[2] += blobs.get(i)[1];
            progress.update(done, total);
        }
    }

    private static String describeBlob(Connection c, long blobId) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("SELECT id, file_name FROM item WHERE blob_id = ? ORDER BY id")) {
            ps.setLong(1, blobId);
            try (ResultSet rs = ps.executeQuery()) {
                List<String> users = new ArrayList<>();
                while (rs.next()) {
                    users.add("item " + rs.getLong(1) + " (" + rs.getString(2) + ")");
                }
                if (!users.isEmpty()) {
                    return "of " + String.join(", ", users);
                }
            }
        }
        try (PreparedStatement ps = c.prepareStatement("SELECT original_blob_id FROM rendition WHERE blob_id = ?")) {
            ps.setLong(1, blobId);
            try (ResultSet rs = ps.executeQuery()) {
                if (rs.next()) {
                    return "#" + blobId + " (the print rendition of stored original #" + rs.getLong(1) + ")";
                }
                return "#" + blobId + " (no item refers to it)";
            }
        }
    }

    /** The latest recorded state of each subject, each item's state before its first change, and the batches. */
    private record AuditStates(Map<String, Latest> latest, Map<Long, String> beforeFirstChange, List<Batch> batches) {
        static AuditStates read(Connection c, List<String> problems, ConductCheck conduct, SideRecords.Check side)
                throws SQLException {
            Map<String, Latest> latest = new HashMap<>();
            Map<Long, String> before = new HashMap<>();
            List<Batch> batches = new ArrayList<>();
            try (PreparedStatement ps = c.prepareStatement(
                    "SELECT seq, subject, action, detail FROM audit WHERE subject <> 'vault' ORDER BY seq");
                 ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    String subject = rs.getString(2);
                    String action = rs.getString(3);
                    Map<String, Object> detail;
                    Batch batch = null;
                    Long itemId = null;
                    try {
                        // A row edited outside Casebook may hold anything: report it, never crash on it.
                        detail = Json.readObject(rs.getString(4));
                        if (subject.startsWith("items:")) {
                            batch = new Batch(rs.getLong(1), action, ((Number) detail.get("first_id")).longValue(),
                                    ((Number) detail.get("last_id")).longValue(), (String) detail.get("states_digest"));
                        } else if (subject.startsWith("item:")) {
                            itemId = Long.parseLong(subject.substring(5));
                        }
                        if (batch == null) {
                            conduct.note(subject, action, detail);
                            side.note(subject, action, detail);
                        }
                    } catch (RuntimeException unreadable) {
                        problems.add("audit entry " + rs.getLong(1) + " (" + action + " " + subject
                                + ") cannot be read: it was altered outside Casebook");
                        continue;
                    }
                    if (batch != null) {
                        batches.add(batch);
                        continue;
                    }
                    Object state = detail.get("state");
                    Latest recordedBefore = latest.get(subject);
                    if (state == null && recordedBefore != null && !"deleted".equals(action)) {
                        // An entry about links or tags records no row state: the row's last one still holds.
                        latest.put(subject, new Latest(action, recordedBefore.state()));
                    } else {
                        latest.put(subject, new Latest(action, state == null ? null : state.toString()));
                    }
                    if (itemId != null) {
                        long id = itemId;
                        Object previous = "deleted".equals(action) ? state : detail.get("prev_state");
                        if (previous != null) {
                            before.putIfAbsent(id, previous.toString());
                        }
                    }
                }
            }
            return new AuditStates(latest, before, batches);
        }
    }

    private record Latest(String action, String state) {
    }

    private record Batch(long seq, String action, long first, long last, String digest) {
    }

    private static long checkItems(Map<Long, String> current, AuditStates recorded, List<String> problems) {
        Set<Long> inBatches = new HashSet<>();
        for (Batch batch : recorded.batches()) {
            MessageDigest digest = Sha256.newDigest();
            for (long id = batch.first(); id <= batch.last(); id++) {
                inBatches.add(id);
                String original = recorded.beforeFirstChange().getOrDefault(id, current.get(id));
                if (original == null) {
                    problems.add("item " + id + " is missing without a delete record: it was removed outside Casebook");
                    continue;
                }
                digest.update(original.getBytes(StandardCharsets.US_ASCII));
            }
            if (!Sha256.hex(digest.digest()).equals(batch.digest())) {
                problems.add("items " + batch.first() + "-" + batch.last() + " (" + batch.action() + ", audit entry "
                        + batch.seq() + ") were changed outside Casebook");
            }
        }
        for (Map.Entry<Long, String> item : current.entrySet()) {
            long id = item.getKey();
            Latest last = recorded.latest().get("item:" + id);
            if (last == null) {
                if (!inBatches.contains(id)) {
                    problems.add("item " + id + " has no audit record: it was added outside Casebook");
                }
            } else if ("deleted".equals(last.action())) {
                problems.add("item " + id + " was deleted (audit) but is present again");
            } else if (last.state() != null && !last.state().equals(item.getValue())) {
                problems.add("item " + id + " was changed outside Casebook (it no longer matches its audit record)");
            }
        }
        for (Map.Entry<String, Latest> e : recorded.latest().entrySet()) {
            if (e.getKey().startsWith("item:") && !"deleted".equals(e.getValue().action())) {
                long id = Long.parseLong(e.getKey().substring(5));
                if (!current.containsKey(id)) {
                    problems.add("item " + id + " is missing without a delete record: it was removed outside Casebook");
                }
            }
        }
        return current.size();
    }

    /** Each witness statement against its last audit entry: changed, added or removed outside Casebook. */
    private static void checkStatements(Connection c, AuditStates recorded, List<String> problems) throws SQLException {
        Set<String> present = new HashSet<>();
        for (Object[] row : StatementRows.all(c)) {
            long caseId = (Long) row[0];
            String profile = (String) row[1];
            String subject = StatementRows.subject(caseId, profile);
            present.add(subject);
            Latest last = recorded.latest().get(subject);
            String name = "the " + profile + " statement of case " + caseId;
            if (last == null) {
                problems.add(name + " has no audit record: it was added outside Casebook");
            } else if (last.state() != null
                    && !last.state().equals(StatementRows.state(c, caseId, profile).orElse(null))) {
                problems.add(name + " was changed outside Casebook (it no longer matches its audit record)");
            }
        }
        for (String subject : recorded.latest().keySet()) {
            if (subject.startsWith("statement:") && !present.contains(subject)) {
                problems.add("the statement " + subject.substring("statement:".length())
                        + " is missing: it was removed outside Casebook");
            }
        }
    }

    @FunctionalInterface
    private interface StateOf {
        Optional<String> of(long id) throws SQLException;
    }

    private static void checkRows(Connection c, String idSql, String kind, AuditStates recorded,
                                  List<String> problems, StateOf stateOf) throws SQLException {
        List<Long> ids = new ArrayList<>();
        try (PreparedStatement ps = c.prepareStatement(idSql); ResultSet rs = ps.executeQuery()) {
            while (rs.next()) {
                ids.add(rs.getLong(1));
            }
        }
        Set<String> present = new HashSet<>();
        for (long id : ids) {
            String subject = kind + ":" + id;
            present.add(subject);
            Latest last = recorded.latest().get(subject);
            if (last == null) {
                problems.add(kind + " " + id + " has no audit record: it was added outside Casebook");
            } else if (last.state() != null && !last.state().equals(stateOf.of(id).orElse(null))) {
                problems.add(kind + " " + id + " was changed outside Casebook (it no longer matches its audit record)");
            }
        }
        for (String subject : recorded.latest().keySet()) {
            if (subject.startsWith(kind + ":") && !present.contains(subject)) {
                problems.add(kind + " " + subject.substring(kind.length() + 1)
                        + " is missing: it was removed outside Casebook");
            }
        }
    }
}
