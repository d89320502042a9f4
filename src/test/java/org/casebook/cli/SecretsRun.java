package org.casebook.cli;

import java.io.ByteArrayInputStream;
import java.util.Map;

/**
 * Child JVM for {@link SecretsNeverShownTest}: runs the real command line, logging everything down to trace level,
 * through every path that handles a passphrase: a refused one, creating, a wrong one, a refused and an accepted
 * change of passphrase and setting, a backup, a crash leftover, and verifying. Arguments: the folder to work in,
 * the passphrase file, the new passphrase file, the guessable passphrase file.
 */
public final class SecretsRun {
    private SecretsRun() {
    }

    public static void main(String[] args) throws Exception {
        System.setProperty("org.slf4j.simpleLogger.defaultLogLevel", "trace");
        String dir = args[0];
        String vault = dir + "/v.casebook";
        String pass = args[1];
        String next = args[2];
        String weak = args[3];
        run("init", "--vault", vault, "--passphrase-file", weak);
        run("init", "--vault", vault, "--passphrase-file", pass, "--key-derivation", "stronger");
        run("case", "add", "--vault", vault, "--passphrase-file", pass, "--title", "Secrets");
        run("case", "list", "--vault", vault, "--passphrase-file", next);
        run("passwd", "--vault", vault, "--passphrase-file", pass, "--new-passphrase-file", weak);
        run("passwd", "--vault", vault, "--passphrase-file", pass, "--new-passphrase-file", next,
                "--key-derivation", "standard");
        run("backup", "--vault", vault, "--passphrase-file", next, "--to", dir + "/backup.casebook");
        run("backup", "--vault", vault, "--passphrase-file", next, "--to", dir + "/backup.casebook");
        run("verify", "--vault", vault, "--passphrase-file", pass);
        run("verify", "--vault", vault, "--passphrase-file", next, "--against-head", "0".repeat(64));
        run("verify", "--vault", dir + "/backup.casebook", "--passphrase-file", next);
        System.out.println("secrets run done");
    }

    private static void run(String... args) {
        int exit = CasebookCommand.run(args, Map.of(), new ByteArrayInputStream(new byte[0]), System.out, System.err);
        System.out.println("exit " + exit + ": " + args[0]);
    }
}
