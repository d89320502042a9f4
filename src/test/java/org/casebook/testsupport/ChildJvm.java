package org.casebook.testsupport;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.function.Predicate;

/**
 * A real child JVM on the test class path, for crash tests: its output is read line by line as it comes, so a
 * test can wait for the child to reach a point and then kill it with SIGKILL ({@link #kill}), as a crash or a
 * power cut would, with no shutdown hook or finally block running.
 */
public final class ChildJvm implements AutoCloseable {
    private static final String EOF = "\u0000end of output";

    private final Process process;
    private final LinkedBlockingQueue<String> lines = new LinkedBlockingQueue<>();
    private final List<String> seen = new ArrayList<>();

    private ChildJvm(Process process) {
        this.process = process;
        Thread reader = new Thread(() -> {
            try (BufferedReader in = new BufferedReader(new InputStreamReader(process.getInputStream(),
                    StandardCharsets.UTF_8))) {
                String line;
                while ((line = in.readLine()) != null) {
                    lines.add(line);
                }
            } catch (IOException ignored) {
                // the child was killed while writing
            } finally {
                lines.add(EOF);
            }
        }, "child-jvm-output");
        reader.setDaemon(true);
        reader.start();
    }

    /** Starts {@code mainClass} with {@code args}; {@code env} is added to this JVM's environment. */
    public static ChildJvm start(Class<?> mainClass, Map<String, String> env, String... args) {
        return start(List.of(), mainClass, env, args);
    }

    /** {@link #start(Class, Map, String...)} with extra JVM options (a system property, say). */
    public static ChildJvm start(List<String> jvmOptions, Class<?> mainClass, Map<String, String> env,
            String... args) {
        List<String> command = new ArrayList<>(List.of(
                Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-Xmx256m", "-XX:+UseSerialGC", "-XX:TieredStopAtLevel=1"));
        command.addAll(jvmOptions);
        command.addAll(List.of("-cp", System.getProperty("java.class.path"), mainClass.getName()));
        command.addAll(List.of(args));
        ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true);
        builder.environment().putAll(env);
        try {
            return new ChildJvm(builder.start());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Waits for a line matching {@code wanted}; fails with everything the child printed if none comes. */
    public String await(Predicate<String> wanted, Duration timeout) {
        long deadline = System.nanoTime() + timeout.toNanos();
        try {
            while (true) {
                long left = deadline - System.nanoTime();
                String line = left <= 0 ? null : lines.poll(left, TimeUnit.NANOSECONDS);
                if (line == null) {
                    throw new AssertionError("the child did not print the expected line in " + timeout
                            + "; it printed:\n" + output());
                }
                if (line.equals(EOF)) {
                    lines.add(EOF);
                    throw new AssertionError("the child ended (exit " + exitCode() + ") before printing the"
                            + " expected line; it printed:\n" + output());
                }
                seen.add(line);
                if (wanted.test(line)) {
                    return line;
                }
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionError("interrupted", e);
        }
    }

    /** Sends one line to the child's standard input. */
    public void tell(String line) {
        try {
            OutputStream in = process.getOutputStream();
            in.write((line + "\n").getBytes(StandardCharsets.UTF_8));
            in.flush();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Kills the child with SIGKILL and waits until it is gone. */
    public void kill() {
        process.destroyForcibly();
        waitGone();
    }

    public boolean isAlive() {
        return process.isAlive();
    }

    /** Waits for the child to end by itself; returns its exit code. */
    public int waitFor(Duration timeout) {
        try {
            if (!process.waitFor(timeout.toMillis(), TimeUnit.MILLISECONDS)) {
                kill();
                throw new AssertionError("the child did not end in " + timeout + "; it printed:\n" + output());
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionError("interrupted", e);
        }
        return process.exitValue();
    }

    /** Every line printed so far (draining what has not been read yet). */
    public String output() {
        List<String> rest = new ArrayList<>();
        lines.drainTo(rest);
        for (String line : rest) {
            if (line.equals(EOF)) {
                lines.add(EOF);
            } else {
                seen.add(line);
            }
        }
        return String.join("\n", seen);
    }

    private Integer exitCode() {
        try {
            return process.waitFor(2, TimeUnit.SECONDS) ? process.exitValue() : null;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return null;
        }
    }

    private void waitGone() {
        try {
            if (!process.waitFor(20, TimeUnit.SECONDS)) {
                throw new AssertionError("the child JVM survived SIGKILL");
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    @Override
    public void close() {
        if (process.isAlive()) {
            kill();
        }
    }
}
