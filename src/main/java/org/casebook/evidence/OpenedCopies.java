package org.casebook.evidence;

import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import org.casebook.model.Attachment;
import org.casebook.vault.PendingOutputs;
import org.casebook.vault.PrivateFiles;
import org.casebook.vault.Vault;

/**
 * Readable copies of attachments the person chose to open in another program (a photo viewer, a PDF reader): an
 * export they asked for, which no other program can do without. Each copy sits alone in a new hidden folder only
 * its owner can open, under the computer's temporary folder, with the attachment's own (cleaned) name so the other
 * program recognises it.
 *
 * <p>The copies last only while the vault is unlocked: {@link #removeAll} (called when the session ends: Lock, Quick
 * exit, auto-lock, closing the app) deletes them. Each folder is recorded in the vault before it is made
 * ({@link PendingOutputs}), so a copy a crash or power cut leaves behind is deleted the next time the vault opens,
 * and one left when the program ends without locking is deleted as it ends.
 */
public final class OpenedCopies implements AutoCloseable {
    private static final SecureRandom RANDOM = new SecureRandom();

    private final Vault vault;
    private final AttachmentService attachments;
    private final Path temporaryFolder;
    private final List<PendingOutputs.Pending> copies = new ArrayList<>();
    private boolean ended;

    public OpenedCopies(Vault vault) {
        this(vault, Path.of(System.getProperty("java.io.tmpdir")));
    }

    public OpenedCopies(Vault vault, Path temporaryFolder) {
        this.vault = vault;
        this.attachments = new AttachmentService(vault);
        this.temporaryFolder = temporaryFolder;
    }

    /** Writes a readable copy of the attachment's original and returns the file, to be opened elsewhere. */
    public Path write(Attachment attachment) {
        // A neutral name: the temporary folder is shared, and the name must not say what program made it.
        Path folder = temporaryFolder.resolve("." + HexFormat.of().formatHex(randomBytes()) + ".opened");
        PendingOutputs.Pending pending;
        synchronized (copies) {
            if (ended) {
                throw new IllegalStateException("The vault was locked; nothing was copied.");
            }
            pending = vault.pendingOutputs().begin(PendingOutputs.Kind.OPENED_COPY, folder);
            copies.add(pending);
        }
        String name = SafeFileNames.clean(attachment.fileName());
        Path file = pending.path().resolve(name.isEmpty() ? "attachment" : name);
        try {
            PrivateFiles.createDirectory(pending.path());
            try (OutputStream out = PrivateFiles.newFile(file)) {
                attachments.copyOriginal(attachment.id(), out);
            }
        } catch (IOException | RuntimeException e) {
            remove(pending);
            if (e instanceof IOException io) {
                throw new UncheckedIOException("The copy could not be written to " + temporaryFolder + " ("
                        + io.getMessage() + ").", io);
            }
            throw (RuntimeException) e;
        }
        return file;
    }

    /** How many copies are on disk now. */
    public int count() {
        synchronized (copies) {
            return copies.size();
        }
    }

    /**
     * Deletes every copy (and forgets its record in the vault; the vault must still be open to forget) and makes no
     * more: the session is ending.
     */
    public void removeAll() {
        List<PendingOutputs.Pending> all;
        synchronized (copies) {
            ended = true;
            all = new ArrayList<>(copies);
            copies.clear();
        }
        all.forEach(PendingOutputs.Pending::close);
    }

    private void remove(PendingOutputs.Pending pending) {
        synchronized (copies) {
            copies.remove(pending);
        }
        pending.close();
    }

    private static byte[] randomBytes() {
        byte[] bytes = new byte[12];
        RANDOM.nextBytes(bytes);
        return bytes;
    }

    @Override
    public void close() {
        removeAll();
    }
}
