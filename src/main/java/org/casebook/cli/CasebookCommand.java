package org.casebook.cli;

/** Placeholder replaced by the picocli command tree. */
public final class CasebookCommand {
    private CasebookCommand() {
    }

    public static int run(String[] args) {
        return 0;
    }
}
