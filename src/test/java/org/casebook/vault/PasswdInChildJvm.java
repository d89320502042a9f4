package org.casebook.vault;

import org.casebook.cli.CasebookCommand;

/**
 * Run in a child JVM that the test kills during a passphrase change: runs the real {@code casebook passwd}
 * (passphrases from the environment), printing {@code at POINT} at each of the change's named steps, and
 * waiting at {@code args[1]} (if given) until it is killed.
 */
public final class PasswdInChildJvm {
    private PasswdInChildJvm() {
    }

    public static void main(String[] args) throws InterruptedException {
        String pauseAt = args.length > 1 ? args[1] : null;
        CrashPoints.listen(point -> {
            System.out.println("at " + point);
            System.out.flush();
            if (point.equals(pauseAt)) {
                try {
                    Thread.sleep(Long.MAX_VALUE);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
            }
        });
        int exit = CasebookCommand.run(new String[] {"passwd", "--vault", args[0]});
        System.out.println("exit " + exit);
        System.out.flush();
    }
}
