package org.casebook.vault;

/**
 * A stored original: its row, its SHA-256 and size, and the first bytes (for media-type detection).
 *
 * @param stored false when identical content was already in the vault and was not stored again
 */
public record BlobRef(long id, String sha256, long size, boolean stored, byte[] head) {
}
