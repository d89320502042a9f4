package org.casebook.vault;

import java.time.Instant;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The process that writes a file outside the vault: its id and the time it started, since ids are reused. A file
 * written where no vault can record it (the copy a restore checks before it replaces anything, PDFBox's scratch
 * file) carries its owner in its name ({@link #tag}); a later run removes it once that owner is no longer running.
 */
public record ProcessOwner(long pid, Long startedMillis) {
    private static final ProcessOwner SELF = of(ProcessHandle.current());
    private static final Pattern TAG = Pattern.compile("(\\d{1,19})-(\\d{1,19}|x)");

    /** This process. */
    public static ProcessOwner self() {
        return SELF;
    }

    static ProcessOwner of(ProcessHandle handle) {
        Optional<Instant> started = handle.info().startInstant();
        return new ProcessOwner(handle.pid(), started.map(Instant::toEpochMilli).orElse(null));
    }

    /** {@code PID-STARTED} ({@code PID-x} when the system does not say when it started), for a file name. */
    public String tag() {
        return pid + "-" + (startedMillis == null ? "x" : startedMillis.toString());
    }

    /** The owner a {@link #tag} names, or empty when {@code text} is not one. */
    public static Optional<ProcessOwner> fromTag(String text) {
        Matcher m = TAG.matcher(text);
        if (!m.matches()) {
            return Optional.empty();
        }
        try {
            return Optional.of(new ProcessOwner(Long.parseLong(m.group(1)),
                    m.group(2).equals("x") ? null : Long.parseLong(m.group(2))));
        } catch (NumberFormatException e) {
            return Optional.empty();
        }
    }

    /**
     * Whether this process is still running: a live process with this id that started at the same time. When either
     * start time is unknown a live process with the id counts as the owner, so a file is never taken from a writer.
     */
    public boolean running() {
        Optional<ProcessHandle> owner = ProcessHandle.of(pid);
        if (owner.isEmpty() || !owner.get().isAlive()) {
            return false;
        }
        Optional<Instant> ownerStart = owner.get().info().startInstant();
        return startedMillis == null || ownerStart.isEmpty() || ownerStart.get().toEpochMilli() == startedMillis;
    }
}
