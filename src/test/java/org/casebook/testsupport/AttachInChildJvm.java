package org.casebook.testsupport;

import java.nio.file.Path;
import java.time.ZoneId;
import java.util.List;
import org.casebook.evidence.AttachmentService;
import org.casebook.evidence.CaseService;
import org.casebook.model.Attachment;
import org.casebook.model.Case;
import org.casebook.vault.Progress;
import org.casebook.vault.Vault;

/**
 * Run in a child JVM with a small heap: creates a vault at {@code args[0]}, attaches the file {@code args[1]}
 * and prints the stored SHA-256 and the peak heap use.
 */
public final class AttachInChildJvm {
    private AttachInChildJvm() {
    }

    public static void main(String[] args) {
        Path vaultFile = Path.of(args[0]);
        Path file = Path.of(args[1]);
        try (Vault vault = Vault.create(vaultFile, TestVaults.pass())) {
            Case aCase = new CaseService(vault).add("Large file", "LF", ZoneId.of("UTC"));
            List<Attachment> attached = new AttachmentService(vault).attach(aCase.id(), List.of(file), null,
                    Progress.NONE);
            Attachment a = attached.get(0);
            System.out.println("sha256=" + a.sha256());
            System.out.println("size=" + a.size());
            String rehashed = vault.read(c -> vault.blobs().rehash(c,
                    vault.blobs().findId(c, a.sha256()).orElseThrow()));
            System.out.println("rehash=" + rehashed);
        }
        System.out.flush();
    }
}
