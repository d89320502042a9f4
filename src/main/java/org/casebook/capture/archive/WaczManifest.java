package org.casebook.capture.archive;

import com.fasterxml.jackson.core.JacksonException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InputStream;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;
import org.casebook.imports.SafeZip;

/**
 * A WACZ package's {@code datapackage.json}: the files it lists, each with its size and SHA-256, checked against
 * the bytes in the zip. Reads both the WACZ 1.1.1 form ({@code "hash": "sha256:…", "bytes": n}) and the 1.0.0
 * form ({@code "stats": {"hash": …, "bytes": n}, "hashing": "sha256"}).
 */
final class WaczManifest {
    static final String DATAPACKAGE = "datapackage.json";
    static final String DIGEST = "datapackage-digest.json";
    /** A manifest is a few kilobytes; anything beyond this is not one. */
    static final long MAX_JSON_BYTES = 16L * 1024 * 1024;
    static final ObjectMapper JSON = new ObjectMapper();

    record Entry(String path, String algorithm, String hash, long bytes) {
    }

    private final List<Entry> entries;
    private final JsonNode root;
    private final byte[] raw;

    private WaczManifest(List<Entry> entries, JsonNode root, byte[] raw) {
        this.entries = entries;
        this.root = root;
        this.raw = raw;
    }

    List<Entry> entries() {
        return entries;
    }

    JsonNode root() {
        return root;
    }

    /** Reads {@code datapackage.json}; a missing or unreadable manifest is refused naming the package. */
    static WaczManifest read(SafeZip zip, String name) throws IOException {
        if (!zip.names().contains(DATAPACKAGE)) {
            throw new ArchiveReadException(name + ": has no datapackage.json at its top level; not a WACZ package.");
        }
        byte[] raw = json(zip, DATAPACKAGE, name);
        JsonNode root;
        try {
            root = JSON.readTree(raw);
        } catch (JacksonException e) {
            throw new ArchiveReadException(name + ", datapackage.json, line " + e.getLocation().getLineNr()
                    + ": not valid JSON.");
        }
        JsonNode resources = root == null ? null : root.get("resources");
        if (resources == null || !resources.isArray()) {
            throw new ArchiveReadException(name + ", datapackage.json: has no list of resources; not a WACZ package.");
        }
        List<Entry> entries = new ArrayList<>();
        for (JsonNode r : resources) {
            String path = r.path("path").asText("");
            String hash = r.hasNonNull("hash") ? r.get("hash").asText() : r.path("stats").path("hash").asText("");
            long bytes = r.has("bytes") ? r.get("bytes").asLong(-1) : r.path("stats").path("bytes").asLong(-1);
            String algorithm = "sha256";
            int colon = hash.indexOf(':');
            if (colon > 0) {
                algorithm = hash.substring(0, colon).toLowerCase(Locale.ROOT);
                hash = hash.substring(colon + 1);
            } else if (r.hasNonNull("hashing")) {
                algorithm = r.get("hashing").asText().toLowerCase(Locale.ROOT).replace("-", "");
            }
            entries.add(new Entry(path, algorithm, hash.toLowerCase(Locale.ROOT), bytes));
        }
        return new WaczManifest(entries, root, raw);
    }

    static byte[] json(SafeZip zip, String entry, String name) throws IOException {
        try (InputStream in = zip.open(entry)) {
            byte[] bytes = Budget.readAtMost(in, MAX_JSON_BYTES);
            if (bytes == null) {
                throw new ArchiveReadException(name + ", " + entry + ": larger than "
                        + Budget.megabytes(MAX_JSON_BYTES) + "; not a WACZ manifest.");
            }
            return bytes;
        }
    }

    /**
     * Checks every listed file's presence, size and SHA-256, and {@code datapackage-digest.json} when present.
     * Problems are added to {@code out}.
     */
    int check(SafeZip zip, String name, List<String> out) throws IOException {
        int checked = 0;
        for (Entry e : entries) {
            String where = name + ", " + e.path();
            if (e.path().isEmpty()) {
                out.add(name + ", datapackage.json: lists a resource with no path.");
                continue;
            }
            if (!zip.names().contains(e.path())) {
                out.add(where + ": listed in datapackage.json but not in the package.");
                continue;
            }
            if (!e.algorithm().equals("sha256")) {
                out.add(where + ": datapackage.json gives its digest in " + e.algorithm()
                        + ", not SHA-256; it cannot be checked.");
                continue;
            }
            MessageDigest sha = sha256();
            long size = 0;
            try (InputStream in = zip.open(e.path())) {
                byte[] buf = new byte[64 * 1024];
                for (int n; (n = in.read(buf)) > 0; ) {
                    sha.update(buf, 0, n);
                    size += n;
                }
            }
            checked++;
            String actual = HexFormat.of().formatHex(sha.digest());
            if (!actual.equals(e.hash())) {
                out.add(where + ": its SHA-256 is " + actual + " but datapackage.json says " + e.hash()
                        + "; the file was changed or damaged.");
            } else if (e.bytes() >= 0 && e.bytes() != size) {
                out.add(where + ": holds " + size + " bytes but datapackage.json says " + e.bytes() + ".");
            }
        }
        if (zip.names().contains(DIGEST)) {
            checkDigestFile(zip, name, out);
        }
        return checked;
    }

    /** Files in the zip the manifest does not list: their digests cannot be checked, so they are never read. */
    void unlisted(SafeZip zip, String name, List<String> out) {
        List<String> listed = entries.stream().map(Entry::path).toList();
        for (String n : zip.names()) {
            if (!listed.contains(n) && !n.equals(DATAPACKAGE) && !n.equals(DIGEST)) {
                out.add(name + ", " + n + ": not listed in datapackage.json, so its digest cannot be checked; not read.");
            }
        }
    }

    private void checkDigestFile(SafeZip zip, String name, List<String> out) throws IOException {
        JsonNode digest;
        try {
            digest = JSON.readTree(json(zip, DIGEST, name));
        } catch (JacksonException e) {
            out.add(name + ", " + DIGEST + ": not valid JSON.");
            return;
        }
        String hash = digest == null ? "" : digest.path("hash").asText("");
        if (!hash.startsWith("sha256:")) {
            out.add(name + ", " + DIGEST + ": gives no SHA-256 of datapackage.json.");
            return;
        }
        String actual = HexFormat.of().formatHex(sha256().digest(raw));
        if (!actual.equals(hash.substring(7).toLowerCase(Locale.ROOT))) {
            out.add(name + ", " + DIGEST + ": the SHA-256 of datapackage.json is " + actual + " but it says "
                    + hash.substring(7) + "; the manifest was changed.");
        }
    }

    static MessageDigest sha256() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every Java runtime has SHA-256", e);
        }
    }
}
