package org.casebook.imports.sms;

import java.io.InputStream;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.util.HexFormat;
import org.casebook.imports.AttachmentRef;
import org.casebook.imports.ExportFile;
import org.casebook.imports.ImportContext;
import org.casebook.vault.Progress;

/** Run in a child JVM with a small heap by {@link LargePartTest}: imports a file and prints each part's SHA-256. */
public final class LargePartChild {
    private LargePartChild() {
    }

    public static void main(String[] args) throws Exception {
        StringBuilder out = new StringBuilder();
        try (ExportFile file = ExportFile.open(Path.of(args[0]))) {
            new SmsImporter().read(file, new ImportContext(null, Progress.NONE), m -> {
                out.append("message ").append(m.raw()).append('\n');
                for (AttachmentRef a : m.attachments()) {
                    try (InputStream in = a.data().open()) {
                        MessageDigest sha = MessageDigest.getInstance("SHA-256");
                        byte[] buf = new byte[1 << 16];
                        long n = 0;
                        for (int r; (r = in.read(buf)) >= 0; ) {
                            sha.update(buf, 0, r);
                            n += r;
                        }
                        out.append("part ").append(a.name()).append(' ').append(n).append(' ')
                                .append(HexFormat.of().formatHex(sha.digest())).append('\n');
                    } catch (Exception e) {
                        throw new IllegalStateException(e);
                    }
                }
            });
        }
        System.out.print(out);
        System.out.println("heap max " + Runtime.getRuntime().maxMemory() / (1024 * 1024) + " MB");
    }
}
