package org.casebook.ui.capture;

import java.net.URI;
import java.util.List;
import javafx.application.Platform;
import javafx.beans.binding.Bindings;
import javafx.beans.binding.StringBinding;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.IntegerProperty;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.property.SimpleIntegerProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;
import javafx.concurrent.Task;
import org.casebook.capture.CaptureListener;
import org.casebook.capture.CaptureOptions;
import org.casebook.capture.CaptureService;
import org.casebook.evidence.VisibleText;
import org.casebook.model.Case;
import org.casebook.ui.common.ErrorText;
import org.casebook.ui.common.Settings;
import org.casebook.ui.common.TaskRunner;
import org.casebook.vault.Progress;

/**
 * Capture web page: the address, a note, how much of the site, the proxy (remembered in the settings), then the
 * capture itself as a Task with each resource listed as it is fetched and a Cancel that stores nothing.
 */
public final class CaptureDialogViewModel {
    /** The most lines of fetched resources kept on screen: a big site would otherwise grow the list without end. */
    static final int SHOWN_LINES = 500;

    private final Case aCase;
    private final TaskRunner tasks;
    private final Settings settings;
    private final CaptureService service;
    private final StringProperty url = new SimpleStringProperty("");
    private final StringProperty note = new SimpleStringProperty("");
    private final IntegerProperty depth = new SimpleIntegerProperty(0);
    private final IntegerProperty maxPages = new SimpleIntegerProperty(CaptureOptions.DEFAULT_MAX_PAGES);
    private final StringProperty proxy = new SimpleStringProperty("");
    private final BooleanProperty busy = new SimpleBooleanProperty();
    private final StringProperty stage = new SimpleStringProperty("");
    private final StringProperty error = new SimpleStringProperty("");
    private final ObservableList<String> fetched = FXCollections.observableArrayList();
    private final ObjectProperty<List<CaptureService.Summary>> result = new SimpleObjectProperty<>();
    private final ObjectProperty<Task<?>> job = new SimpleObjectProperty<>();
    private final StringBinding problem;
    private boolean firstCapture;

    public CaptureDialogViewModel(Case aCase, TaskRunner tasks, Settings settings,
                                  CaptureService service) {
        this.aCase = aCase;
        this.tasks = tasks;
        this.settings = settings;
        this.service = service;
        proxy.set(settings.captureProxyProperty().get());
        problem = Bindings.createStringBinding(this::whyNot, url, proxy);
    }

    /** Asked once, before the dialog opens (a read of the vault): no capture was ever made in this vault. */
    public void loadFirstCapture() {
        firstCapture = service.firstCapture();
    }

    public boolean firstCapture() {
        return firstCapture;
    }

    private String whyNot() {
        if (url.get().isBlank()) {
            return "Paste the page's address first.";
        }
        try {
            CaptureService.parseUrl(url.get());
            if (!proxy.get().isBlank()) {
                CaptureOptions.parseProxy(proxy.get());
            }
        } catch (RuntimeException e) {
            return ErrorText.of(e);
        }
        return "";
    }

    public Case aCase() {
        return aCase;
    }

    /** The address, with a note of where it came from, prefilled (Capture again). */
    public void prefill(String address) {
        url.set(address == null ? "" : address);
    }

    public void capture(java.util.function.LongConsumer onStored) {
        capture(onStored, null, null);
    }

    /**
     * Capture this page of the evidence browser: the page as the browser shows it ({@code renderedHtml}, its DOM
     * serialised) and its resources fetched with the browser's {@code cookies}, so a page behind a login is kept as
     * the person sees it.
     */
    public void captureShown(java.util.function.LongConsumer onStored, String renderedHtml,
                             java.net.CookieHandler cookies) {
        capture(onStored, renderedHtml, cookies);
    }

    private void capture(java.util.function.LongConsumer onStored, String renderedHtml,
                         java.net.CookieHandler cookies) {
        if (!problem.get().isEmpty() || busy.get()) {
            return;
        }
        URI proxyUri = proxy.get().isBlank() ? null : CaptureOptions.parseProxy(proxy.get());
        settings.captureProxyProperty().set(proxy.get().strip());
        settings.save();
        CaptureOptions options = CaptureOptions.defaults()
                .withNote(note.get().isBlank() ? null : note.get().strip())
                .withSite(depth.get(), Math.max(1, maxPages.get()))
                .withProxy(proxyUri)
                .withCookies(cookies);
        String address = url.get().strip();
        long caseId = aCase.id();
        fetched.clear();
        error.set("");
        stage.set("Connecting…");
        busy.set(true);
        Task<List<CaptureService.Summary>> task = tasks.longJob(
                progress -> renderedHtml == null
                        ? service.capture(caseId, address, options, listener(progress))
                        : service.captureRendered(caseId, address, renderedHtml, options, listener(progress)),
                done -> {
                    busy.set(false);
                    job.set(null);
                    result.set(done);
                    if (!done.isEmpty()) {
                        onStored.accept(done.get(0).itemId());
                    }
                }, failure -> {
                    busy.set(false);
                    job.set(null);
                    error.set(failure instanceof Progress.CancelledException
                            ? "Cancelled: nothing was stored." : ErrorText.of(failure));
                });
        task.messageProperty().addListener((o, was, now) -> stage.set(now == null ? "" : VisibleText.line(now)));
        job.set(task);
    }

    /** The capture's progress and cancel through the Task; each resource is listed on the FX thread. */
    private CaptureListener listener(Progress progress) {
        return new CaptureListener() {
            @Override
            public void update(long done, long total) {
                progress.update(done, total);
            }

            @Override
            public void message(String text) {
                progress.message(text);
            }

            @Override
            public boolean isCancelled() {
                return progress.isCancelled();
            }

            @Override
            public void page(URI uri, int number, int of) {
                line((of > 1 ? "Page " + number + " of at most " + of + ": " : "Page: ") + uri);
            }

            @Override
            public void resource(URI uri, String missing) {
                line(missing == null ? "✓ " + uri : "✗ " + uri + " — " + missing);
            }
        };
    }

    private void line(String text) {
        String shown = VisibleText.line(text);
        Platform.runLater(() -> {
            if (busy.get()) {
                fetched.add(shown);
                if (fetched.size() > SHOWN_LINES) {
                    fetched.remove(0, fetched.size() - SHOWN_LINES);
                }
            }
        });
    }

    public void cancel() {
        Task<?> running = job.get();
        if (running != null) {
            running.cancel();
        }
    }

    /** Forgets what was typed and fetched, and stops a capture still running (the dialog closed or the app locked). */
    public void clear() {
        cancel();
        url.set("");
        note.set("");
        fetched.clear();
        result.set(null);
    }

    public StringProperty urlProperty() {
        return url;
    }

    public StringProperty noteProperty() {
        return note;
    }

    public IntegerProperty depthProperty() {
        return depth;
    }

    public IntegerProperty maxPagesProperty() {
        return maxPages;
    }

    public StringProperty proxyProperty() {
        return proxy;
    }

    public ReadOnlyBooleanProperty busyProperty() {
        return busy;
    }

    public StringProperty stageProperty() {
        return stage;
    }

    public StringProperty errorProperty() {
        return error;
    }

    public StringBinding problemProperty() {
        return problem;
    }

    public ObservableList<String> fetched() {
        return fetched;
    }

    public ObjectProperty<List<CaptureService.Summary>> resultProperty() {
        return result;
    }

    public ObjectProperty<Task<?>> jobProperty() {
        return job;
    }

    /** The plain words before the first capture ever: what visiting a page tells its owner, and what a proxy does. */
    public static final String FIRST_CAPTURE_WARNING = "Before you capture: visiting a page can tell its owner that"
            + " someone looked. A website's owner can see the internet address of every visitor in the site's logs,"
            + " and someone who is harassing you may watch for exactly that. Casebook visits the page from this"
            + " computer's connection unless you set a proxy below. A proxy sends the visit through another"
            + " computer, so the site sees that computer's address instead of yours: for example, with the Tor"
            + " Browser running, socks5://127.0.0.1:9150 sends it through Tor.";
}
