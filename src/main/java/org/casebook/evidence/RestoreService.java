package org.casebook.evidence;

import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.util.List;
import java.util.Map;
import org.casebook.model.VerifyReport;
import org.casebook.vault.DiskFull;
import org.casebook.vault.Passphrase;
import org.casebook.vault.PendingOutputs;
import org.casebook.vault.PrivateFiles;
import org.casebook.vault.Progress;
import org.casebook.vault.Vault;
import org.casebook.vault.VaultException;

/**
 * Restores a vault from a backup ({@code casebook backup}, the app's <em>Back up…</em>), checking the copy before it
 * replaces anything: the backup is copied beside the destination, opened with the passphrase, checked page by page
 * (SQLite's check of the pages in use, then every page's authentication code, free pages included) and verified
 * (every original re-hashed, the audit chain walked); only then does the checked copy, with an audit entry saying
 * it was restored, take the destination's place in one rename. A backup that does not open or does not
 * verify leaves the destination exactly as it was.
 */
public final class RestoreService {
    private RestoreService() {
    }

    /** Restores {@code backup} to {@code target} (replacing a vault there) and returns the restored vault, open. */
    public static Vault restore(Path backup, Path target, Passphrase passphrase, Progress progress) {
        Path from = backup.toAbsolutePath();
        Path to = target.toAbsolutePath();
        if (!Files.isRegularFile(from)) {
            throw VaultException.badInput("No backup at " + from + ".");
        }
        Vault.requireOpenable(from);
        Path folder = to.getParent();
        if (folder == null || !Files.isDirectory(folder)) {
            throw VaultException.badInput("The folder for " + to + " does not exist.");
        }
        if (Files.exists(to) && sameFile(from, to)) {
            throw VaultException.badInput(from + " is the backup itself: choose where the restored vault should go.");
        }
        for (String side : new String[] {"-wal", "-journal"}) {
            if (Files.exists(Path.of(to + side))) {
                // Renaming a vault over one whose recovery file is still there would pair the two: refuse.
                throw VaultException.badInput(to + " is open in Casebook or was not closed properly. Close it (or open"
                        + " it once, so Casebook can finish what was interrupted), then restore. Nothing was changed.");
            }
        }
        // A restore killed midway left its encrypted copy: clear it first, so two do not fill the disk.
        List<PendingOutputs.Leftover> earlier = PendingOutputs.removeRestoreLeftovers(to);
        try (PendingOutputs.Pending pending = PendingOutputs.restoreCopy(to)) {
            Path copy = pending.path();
            progress.message("Copying the backup");
            Files.copy(from, copy);
            PrivateFiles.restrict(copy);
            progress.message("Checking the backup");
            try (Vault checked = openCopy(copy, from, passphrase)) {
                VerifyReport report = new VerifyService(checked).verify(progress);
                List<String> pages = checked.integrityCheck();
                if (pages.isEmpty()) {
                    pages = checked.pageCheck(); // before anything is written to the copy
                }
                if (!report.intact() || !pages.isEmpty()) {
                    String problem = report.problems().isEmpty() ? pages.isEmpty() ? "a damaged page" : pages.get(0)
                            : report.problems().get(0);
                    throw new VaultException(VaultException.Kind.DAMAGED, "The backup " + from + " failed its check ("
                            + problem + "). Nothing was replaced; try an older backup.");
                }
                checked.write(c -> checked.audit().append(c, "restored-from-backup", "vault",
                        Map.of("backup", from.getFileName().toString(), "audit_head", report.auditHead())));
            }
            try (FileChannel channel = FileChannel.open(copy, StandardOpenOption.WRITE)) {
                channel.force(true);
            }
            Files.move(copy, to, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        } catch (IOException e) {
            throw VaultException.badInput("Cannot restore to " + to + ": " + DiskFull.reason(e, to)
                    + ". Nothing was replaced.");
        } catch (VaultException e) {
            if (e.kind() == VaultException.Kind.DAMAGED && !e.getMessage().startsWith("The backup ")) {
                // The damage was found in the hidden copy: name the backup the person chose.
                throw new VaultException(e.kind(), "The backup " + from + " is damaged or was altered outside"
                        + " Casebook (a page failed its check). Nothing was replaced; try an older backup.", e);
            }
            throw e;
        }
        Vault restored = Vault.open(to, passphrase);
        restored.addLeftoversRemoved(earlier);
        return restored;
    }

    /** Opens the copy; a wrong passphrase is named for the backup the person chose, not the hidden copy. */
    private static Vault openCopy(Path copy, Path backup, Passphrase passphrase) {
        try {
            return Vault.open(copy, passphrase);
        } catch (VaultException e) {
            if (e.kind() == VaultException.Kind.NOT_UNLOCKED) {
                throw new VaultException(e.kind(), "Wrong passphrase for the backup " + backup
                        + " (it opens with the passphrase the vault had when it was backed up). Nothing was replaced.");
            }
            throw e;
        }
    }

    private static boolean sameFile(Path a, Path b) {
        try {
            return Files.isSameFile(a, b);
        } catch (IOException e) {
            return false;
        }
    }
}
