package org.casebook.testsupport;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Assumptions;

/**
 * A real, small file system (tmpfs of a few megabytes) that fills up as a USB stick or a nearly full disk does:
 * writes past its size fail with "No space left on device". Mounting needs root; elsewhere the test is skipped.
 */
public final class SmallDisk implements AutoCloseable {
    private final Path folder;

    private SmallDisk(Path folder) {
        this.folder = folder;
    }

    public static SmallDisk mount(Path folder, int megabytes) throws IOException {
        Files.createDirectories(folder);
        Assumptions.assumeTrue("root".equals(System.getProperty("user.name"))
                && run("mount", "-t", "tmpfs", "-o", "size=" + megabytes + "m,mode=0700", "tmpfs", folder.toString()),
                "a small file system can be mounted only by root");
        return new SmallDisk(folder);
    }

    public Path folder() {
        return folder;
    }

    /** Fills the disk until less than {@code leftBytes} is free. */
    public void fillLeaving(long leftBytes) throws IOException {
        long free = Files.getFileStore(folder).getUsableSpace();
        byte[] block = new byte[1 << 16];
        try (var out = Files.newOutputStream(folder.resolve("filler"))) {
            for (long n = 0; n + block.length <= free - leftBytes; n += block.length) {
                out.write(block);
            }
        }
    }

    static boolean run(String... command) {
        try {
            Process p = new ProcessBuilder(List.of(command)).redirectErrorStream(true).start();
            p.getInputStream().readAllBytes();
            return p.waitFor(30, TimeUnit.SECONDS) && p.exitValue() == 0;
        } catch (IOException e) {
            return false;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }

    @Override
    public void close() {
        run("umount", folder.toString());
    }
}
