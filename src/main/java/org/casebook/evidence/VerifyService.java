package org.casebook.evidence;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.casebook.model.VerifyReport;
import org.casebook.vault.Json;
import org.casebook.vault.Progress;
import org.casebook.vault.Vault;
import org.casebook.vault.VaultException;

/**
 * Checks a whole vault: every page's authentication, every original's SHA-256, the audit chain, and that
 * every case, person and item still matches what the audit log recorded for it.
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
            problems.addAll(vault.integrityCheck().stream().map(p -> "vault file: " + p).toList());
            vault.read(c -> {
                problems.addAll(vault.audit().verifyChain(c));
                counts[3] = vault.audit().size(c);
                head[0] = vault.audit().headHash(c);
                checkBlobs(c, problems, counts, progress);
                Map<String, LatestState> recorded = latestStates(c);
                counts[0] = checkRows(c, "SELECT id FROM item", "item", recorded, problems,
                        id -> ItemState.ofItem(c, id));
                checkRows(c, "SELECT id FROM case_file", "case", recorded, problems, id -> ItemState.ofCase(c, id));
                checkRows(c, "SELECT id FROM person", "person", recorded, problems, id -> ItemState.ofPerson(c, id));
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
                return users.isEmpty() ? "#" + blobId + " (no item refers to it)" : "of " + String.join(", ", users);
            }
        }
    }

    private record LatestState(String action, String state) {
    }

    private static Map<String, LatestState> latestStates(Connection c) throws SQLException {
        Map<String, LatestState> out = new HashMap<>();
        try (PreparedStatement ps = c.prepareStatement(
                "SELECT subject, action, detail FROM audit WHERE subject <> 'vault' ORDER BY seq");
             ResultSet rs = ps.executeQuery()) {
            while (rs.next()) {
                Object state = Json.readObject(rs.getString(3)).get("state");
                out.put(rs.getString(1), new LatestState(rs.getString(2), state == null ? null : state.toString()));
            }
        }
        return out;
    }

    @FunctionalInterface
    private interface StateOf {
        Optional<String> of(long id) throws SQLException;
    }

    private static long checkRows(Connection c, String idSql, String kind, Map<String, LatestState> recorded,
                                  List<String> problems, StateOf stateOf) throws SQLException {
        long count = 0;
        List<Long> ids = new ArrayList<>();
        try (PreparedStatement ps = c.prepareStatement(idSql); ResultSet rs = ps.executeQuery()) {
            while (rs.next()) {
                ids.add(rs.getLong(1));
            }
        }
        java.util.Set<String> present = new java.util.HashSet<>();
        for (long id : ids) {
            count++;
            String subject = kind + ":" + id;
            present.add(subject);
            LatestState last = recorded.get(subject);
            String actual = stateOf.of(id).orElse(null);
            if (last == null) {
                problems.add(kind + " " + id + " has no audit record: it was added outside Casebook");
            } else if ("deleted".equals(last.action())) {
                problems.add(kind + " " + id + " was deleted (audit) but is present again");
            } else if (last.state() != null && !last.state().equals(actual)) {
                problems.add(kind + " " + id + " was changed outside Casebook (it no longer matches audit entry for "
                        + subject + ")");
            }
        }
        for (Map.Entry<String, LatestState> e : recorded.entrySet()) {
            if (e.getKey().startsWith(kind + ":") && !present.contains(e.getKey())
                    && !"deleted".equals(e.getValue().action())) {
                problems.add(kind + " " + e.getKey().substring(kind.length() + 1)
                        + " is missing without a delete record: it was removed outside Casebook");
            }
        }
        return count;
    }
}
