package org.casebook.vault;

/**
 * For the fault tests: a full disk without root ({@link DiskFaults}). Use in a try-with-resources block: the disk is
 * "full" inside it only.
 */
public final class InjectedDiskFull implements AutoCloseable {
    private InjectedDiskFull() {
    }

    /** Each vault opened from now on may grow by {@code pages} more pages only. */
    public static InjectedDiskFull vaultAfterPages(int pages) {
        DiskFaults.fullAfter(pages, null);
        return new InjectedDiskFull();
    }

    /** Files written outside the vault fail once {@code bytes} have been written, in all. */
    public static InjectedDiskFull outputsAfterBytes(long bytes) {
        DiskFaults.fullAfter(null, bytes);
        return new InjectedDiskFull();
    }

    @Override
    public void close() {
        DiskFaults.clear();
    }
}
