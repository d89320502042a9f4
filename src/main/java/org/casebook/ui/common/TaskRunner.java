package org.casebook.ui.common;

import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Consumer;
import javafx.concurrent.Task;
import org.casebook.vault.Progress;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Runs vault, import and bundle work off the FX thread as {@link Task}s. Quick reads (a search) go to a
 * small pool; long jobs (attach, import, bundle) to a single thread so they never compete. Every failure
 * is logged (without evidence content) and handed to the caller's handler on the FX thread.
 */
public final class TaskRunner {
    private static final Logger LOG = LoggerFactory.getLogger(TaskRunner.class);

    private final ExecutorService quick = Executors.newFixedThreadPool(2, daemon("casebook-io"));
    private final ExecutorService longJobs = Executors.newSingleThreadExecutor(daemon("casebook-job"));

    /** Work that reports progress through the plain {@link Progress} interface of the use-cases. */
    @FunctionalInterface
    public interface Work<T> {
        T run(Progress progress) throws Exception;
    }

    public <T> Task<T> quick(Work<T> work, Consumer<T> onSuccess, Consumer<Throwable> onError) {
        return submit(quick, work, onSuccess, onError);
    }

    public <T> Task<T> longJob(Work<T> work, Consumer<T> onSuccess, Consumer<Throwable> onError) {
        return submit(longJobs, work, onSuccess, onError);
    }

    private <T> Task<T> submit(ExecutorService executor, Work<T> work, Consumer<T> onSuccess,
                               Consumer<Throwable> onError) {
        ProgressTask<T> task = new ProgressTask<>(work);
        task.setOnSucceeded(e -> onSuccess.accept(task.getValue()));
        task.setOnFailed(e -> {
            Throwable error = task.getException();
            if (!(error instanceof Progress.CancelledException)) {
                if (isExpected(error)) {
                    // Wrong passphrase, a bad file: the person is told; no trace (or path) goes to the log.
                    LOG.debug("background work refused: {}", error.getClass().getSimpleName());
                } else {
                    LOG.warn("background work failed: {}", error.getClass().getSimpleName(), error);
                }
            }
            onError.accept(error);
        });
        task.setOnCancelled(e -> onError.accept(new Progress.CancelledException()));
        executor.execute(task);
        return task;
    }

    /** A Task that is also the use-cases' {@link Progress}: progress and cancel pass straight through. */
    private static final class ProgressTask<T> extends Task<T> implements Progress {
        private final Work<T> work;

        ProgressTask(Work<T> work) {
            this.work = work;
        }

        @Override
        protected T call() throws Exception {
            return work.run(this);
        }

        @Override
        public void update(long done, long total) {
            updateProgress(done, total < 0 ? -1 : total);
        }

        @Override
        public void message(String text) {
            updateMessage(text);
        }
    }

    private static boolean isExpected(Throwable error) {
        return error instanceof org.casebook.vault.VaultException
                || error instanceof org.casebook.imports.ImportException
                || error instanceof IllegalArgumentException;
    }

    public void shutdown() {
        quick.shutdownNow();
        longJobs.shutdownNow();
    }

    private static java.util.concurrent.ThreadFactory daemon(String name) {
        AtomicInteger n = new AtomicInteger();
        return r -> {
            Thread t = new Thread(r, name + "-" + n.incrementAndGet());
            t.setDaemon(true);
            t.setUncaughtExceptionHandler((th, e) -> LOG.error("uncaught in {}", th.getName(), e));
            return t;
        };
    }
}
