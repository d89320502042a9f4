package org.casebook.bundle.check;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.FutureTask;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Consumer;
import org.apache.pdfbox.pdmodel.PDDocument;

/**
 * Reads every page for the page rules. When the file can be opened a second time, a second thread reads pages
 * from that copy (a PDFBox document is not safe to share between threads) while this one reads from the first:
 * the pages are taken in shares of {@link #SHARE}, whichever thread is free takes the next, and what each share
 * found is counted in page order afterwards, so the report is the same however the work was split.
 */
final class PageReading {
    /** Pages per share: enough that a share's setup is small beside it, few enough that two threads end together. */
    static final int SHARE = 24;

    private PageReading() {
    }

    /** Reads pages 1..{@code pageCount} into {@code facts}; {@code copy} null reads them all on this thread. */
    static void read(PDDocument document, BundleChecker.SecondCopy copy, int pageCount, PageScanner.QuickReading quick,
                     PageFacts facts) {
        int shares = (pageCount + SHARE - 1) / SHARE;
        Share[] done = new Share[shares];
        AtomicInteger next = new AtomicInteger();
        FutureTask<Void> helper = null;
        if (copy != null && shares > 1 && Runtime.getRuntime().availableProcessors() > 1) {
            long startXref = document.getDocument().getStartXref();
            helper = new FutureTask<>(() -> {
                try (PDDocument second = copy.open()) {
                    // a file replaced between the two openings must not mix its pages into this report
                    if (second.getDocument().getStartXref() != startXref || second.getNumberOfPages() != pageCount) {
                        throw new IOException("the file changed while it was being checked");
                    }
                    work(second, pageCount, quick, facts, next, done);
                }
                return null;
            });
            Thread thread = new Thread(helper, "bundle-check");
            thread.setDaemon(true);
            thread.start();
        }
        work(document, pageCount, quick, facts, next, done);
        if (helper != null) {
            awaitQuietly(helper);
        }
        for (int i = 0; i < shares; i++) {
            // a share the helper could not finish (its copy did not open) is read here
            Share share = done[i] != null ? done[i] : read(document, i, pageCount, quick, facts);
            share.replay(facts);
        }
    }

    private static void work(PDDocument document, int pageCount, PageScanner.QuickReading quick, PageFacts facts,
                             AtomicInteger next, Share[] done) {
        for (int i = next.getAndIncrement(); i < done.length; i = next.getAndIncrement()) {
            done[i] = read(document, i, pageCount, quick, facts);
        }
    }

    private static Share read(PDDocument document, int index, int pageCount, PageScanner.QuickReading quick,
                              PageFacts facts) {
        Share share = new Share(facts);
        int first = index * SHARE + 1;
        PageScanner.scan(document, first, Math.min(pageCount, first + SHARE - 1), quick, share);
        return share;
    }

    /** Waits for the helper however long it takes: its shares are written into the array read next. */
    private static void awaitQuietly(FutureTask<Void> helper) {
        boolean interrupted = false;
        while (true) {
            try {
                helper.get();
                break;
            } catch (InterruptedException e) {
                interrupted = true;
            } catch (ExecutionException e) {
                break; // the copy could not be opened or read: its unfinished shares are read on this thread
            }
        }
        if (interrupted) {
            Thread.currentThread().interrupt();
        }
    }

    /** What one share of pages found, judged on the thread that read it and counted later, in order. */
    private static final class Share implements PageScanner.Listener {
        private final PageFacts facts;
        private final List<Consumer<PageFacts>> found = new ArrayList<>();

        Share(PageFacts facts) {
            this.facts = facts;
        }

        @Override
        public void page(int pageNumber, String text, List<ImagePlacement> images) {
            PageFacts.Verdict verdict = facts.verdict(pageNumber, text, images);
            found.add(f -> f.add(verdict));
        }

        @Override
        public void unreadable(int pageNumber, String reason) {
            found.add(f -> f.unreadable(pageNumber, reason));
        }

        @Override
        public void smallestText(int pageNumber, float points) {
            found.add(f -> f.smallestText(pageNumber, points));
        }

        void replay(PageFacts into) {
            found.forEach(f -> f.accept(into));
        }
    }
}
