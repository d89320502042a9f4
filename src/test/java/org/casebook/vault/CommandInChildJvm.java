package org.casebook.vault;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.concurrent.atomic.AtomicInteger;
import org.casebook.cli.CasebookCommand;

/**
 * A child JVM for the fault suite, started ahead of time so that its start-up overlaps the test's checks of the
 * previous kill: it loads the command line and the database driver, prints {@code ready}, then reads one line from
 * standard input: {@code N<TAB>command<TAB>arg...}. It prints {@code go}, runs that real {@code casebook} command
 * (passphrases from the environment) and prints {@code exit CODE}. Each named step the vault reaches (see
 * {@link CrashPoints}) is printed as {@code at K STEP}, K counting from 1; at the N-th it waits until it is
 * killed (N = 0: never waits).
 */
public final class CommandInChildJvm {
    private CommandInChildJvm() {
    }

    public static void main(String[] args) throws IOException {
        Vault.warmUp();
        CasebookCommand.run(new String[] {"--version"}, System.getenv(), System.in,
                new PrintStream(OutputStream.nullOutputStream()), System.err);
        System.out.println("ready");
        System.out.flush();
        String line = new BufferedReader(new InputStreamReader(System.in, StandardCharsets.UTF_8)).readLine();
        if (line == null) {
            return;
        }
        String[] parts = line.split("\t");
        int pauseAt = Integer.parseInt(parts[0]);
        AtomicInteger reached = new AtomicInteger();
        CrashPoints.listen(point -> {
            int k = reached.incrementAndGet();
            System.out.println("at " + k + " " + point);
            System.out.flush();
            if (k == pauseAt) {
                try {
                    Thread.sleep(Long.MAX_VALUE);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
            }
        });
        System.out.println("go");
        System.out.flush();
        int exit = CasebookCommand.run(Arrays.copyOfRange(parts, 1, parts.length));
        System.out.println("exit " + exit);
        System.out.flush();
    }
}
