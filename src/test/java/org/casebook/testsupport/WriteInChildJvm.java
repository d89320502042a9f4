package org.casebook.testsupport;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.util.List;
import org.casebook.evidence.AttachmentService;
import org.casebook.evidence.IncidentService;
import org.casebook.model.IncidentType;
import org.casebook.vault.PendingOutputs;
import org.casebook.vault.Progress;
import org.casebook.vault.Vault;

/**
 * Run in a child JVM that the test kills mid-write. Opens the vault {@code args[1]} (passphrase
 * {@link TestVaults#PASSPHRASE}) and, for case 1:
 * <ul>
 *   <li>{@code incidents}: adds incidents one by one for ever, printing {@code committed ID} after each commit
 *       (each is a WAL transaction);</li>
 *   <li>{@code attach FILE}: attaches one file (a bulk write: the rollback journal), printing {@code attaching}
 *       first;</li>
 *   <li>{@code exit-while-writing FOLDER}: records FOLDER as an export being written, writes a file into it and
 *       ends the program at once with {@code System.exit}, as the app's quick exit does.</li>
 * </ul>
 */
public final class WriteInChildJvm {
    private WriteInChildJvm() {
    }

    public static void main(String[] args) throws IOException {
        Path file = Path.of(args[1]);
        try (Vault vault = Vault.open(file, TestVaults.pass())) {
            switch (args[0]) {
                case "incidents" -> {
                    IncidentService incidents = new IncidentService(vault);
                    ZonedDateTime at = ZonedDateTime.of(2024, 1, 1, 9, 0, 0, 0, ZoneOffset.UTC);
                    for (int i = 0; ; i++) {
                        long id = incidents.add(1, TestVaults.draft(IncidentType.CALL, at.plusMinutes(i),
                                "Withheld call number " + i)).id();
                        System.out.println("committed " + id);
                        System.out.flush();
                    }
                }
                case "attach" -> {
                    System.out.println("attaching");
                    System.out.flush();
                    new AttachmentService(vault).attach(1, List.of(Path.of(args[2])), null, Progress.NONE);
                    System.out.println("attached");
                }
                case "exit-while-writing" -> {
                    Path folder = Path.of(args[2]);
                    vault.pendingOutputs().begin(PendingOutputs.Kind.EXPORT, folder);
                    Files.createDirectory(folder);
                    Files.writeString(folder.resolve("evidence.txt"), "decrypted evidence");
                    System.out.println("writing");
                    System.out.flush();
                    System.exit(0);
                }
                default -> throw new IllegalArgumentException(args[0]);
            }
        }
        System.out.flush();
    }
}
