package org.casebook.ui.capture;

import java.nio.file.Path;
import java.util.function.LongConsumer;
import javafx.beans.binding.Bindings;
import javafx.concurrent.Worker;
import javafx.geometry.Insets;
import javafx.geometry.Pos;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.TextField;
import javafx.scene.control.Tooltip;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.VBox;
import javafx.scene.web.WebEngine;
import javafx.scene.web.WebHistory;
import javafx.scene.web.WebView;
import javafx.stage.Stage;
import org.casebook.capture.CaptureOptions;
import org.casebook.capture.CaptureService;
import org.casebook.evidence.VisibleText;
import org.casebook.ui.common.AppShell;
import org.casebook.ui.common.Icons;
import org.kordamp.ikonli.materialdesign2.MaterialDesignA;
import org.kordamp.ikonli.materialdesign2.MaterialDesignR;
import org.kordamp.ikonli.materialdesign2.MaterialDesignW;

/**
 * The evidence browser: a web browser window (address bar, back, forward, reload) to reach a page as the person
 * sees it, logging in or scrolling as needed, and Capture this page. It keeps no cookies, storage or history after
 * it closes ({@link BrowserSession}); quick exit and auto-lock close it with the app's other windows.
 *
 * <p>Capture this page hands {@link CaptureService#captureRendered} the page as shown (its DOM serialised, after its
 * scripts ran) and the browser's cookies: the copy is what the person sees, the WARC what the site sends with that
 * login.
 */
public final class EvidenceBrowserWindow {
    static {
        WebKitNetwork.useUrlConnection();
    }

    private final Stage stage;
    private final WebView view = new WebView();
    private final TextField address = new TextField();
    private final BrowserSession session;

    private EvidenceBrowserWindow(AppShell shell, Path besideVault, CaptureDialogViewModel capture,
                                  LongConsumer onStored) {
        String proxyText = capture.proxyProperty().get();
        session = new BrowserSession(besideVault,
                proxyText == null || proxyText.isBlank() ? null : CaptureOptions.parseProxy(proxyText));
        WebEngine engine = view.getEngine();
        view.setId("browser-page");
        engine.setUserDataDirectory(session.dataFolder().toFile());
        engine.setCreatePopupHandler(features -> engine); // a link that opens a window opens here instead

        Button back = new Button(null, Icons.of(MaterialDesignA.ARROW_LEFT, 18));
        back.setId("browser-back");
        back.setTooltip(new Tooltip("Back"));
        back.setAccessibleText("Back");
        WebHistory history = engine.getHistory();
        back.disableProperty().bind(history.currentIndexProperty().lessThanOrEqualTo(0));
        back.setOnAction(e -> history.go(-1));
        Button forward = new Button(null, Icons.of(MaterialDesignA.ARROW_RIGHT, 18));
        forward.setId("browser-forward");
        forward.setTooltip(new Tooltip("Forward"));
        forward.setAccessibleText("Forward");
        forward.disableProperty().bind(Bindings.createBooleanBinding(
                () -> history.getCurrentIndex() >= history.getEntries().size() - 1,
                history.currentIndexProperty(), history.getEntries()));
        forward.setOnAction(e -> history.go(1));
        Button reload = new Button(null, Icons.of(MaterialDesignR.REFRESH, 18));
        reload.setId("browser-reload");
        reload.setTooltip(new Tooltip("Reload"));
        reload.setAccessibleText("Reload");
        reload.setOnAction(e -> engine.reload());
        address.setId("browser-address");
        address.setPromptText("Type or paste the page's address, then press Enter");
        address.setOnAction(e -> go(address.getText()));
        HBox.setHgrow(address, Priority.ALWAYS);
        engine.locationProperty().addListener((o, was, now) -> address.setText(now == null ? "" : now));

        Button captureButton = new Button("Capture this page", Icons.of(MaterialDesignW.WEB, 18));
        captureButton.setId("browser-capture");
        captureButton.getStyleClass().add("accent");
        captureButton.setTooltip(new Tooltip("Keep this page in the case as it is shown here, with its pictures,"
                + " a screenshot and the exact bytes the site sends"));
        captureButton.disableProperty().bind(capture.busyProperty()
                .or(engine.getLoadWorker().stateProperty().isNotEqualTo(Worker.State.SUCCEEDED)));
        captureButton.setOnAction(e -> {
            capture.urlProperty().set(engine.getLocation());
            capture.noteProperty().set("Captured from the evidence browser.");
            // The DOM as shown now: what the login and the page's scripts put there (scripts run in this browser).
            Object shown = engine.executeScript("document.documentElement.outerHTML");
            capture.captureShown(onStored, shown instanceof String html ? html : null, session.cookies());
        });
        HBox bar = new HBox(6, back, forward, reload, address, captureButton);
        bar.setAlignment(Pos.CENTER_LEFT);
        bar.setPadding(new Insets(4, 12, 4, 12));

        Label status = new Label();
        status.setId("browser-status");
        status.setWrapText(true);
        status.textProperty().bind(Bindings.createStringBinding(() -> {
            if (capture.busyProperty().get()) {
                return capture.stageProperty().get();
            }
            if (!capture.errorProperty().get().isEmpty()) {
                return "Not captured: " + capture.errorProperty().get();
            }
            var result = capture.resultProperty().get();
            if (result != null && !result.isEmpty()) {
                CaptureService.Summary s = result.get(0);
                return "Captured: " + VisibleText.line(s.title() == null ? s.url() : s.title()) + ". "
                        + CaptureDialog.verdictText(s.verdict());
            }
            return (proxyText == null || proxyText.isBlank()
                    ? "Pages you visit here see this computer's internet address (set a proxy in Capture web page"
                    + " to hide it)"
                    : "Everything this browser loads goes through your proxy "
                    + VisibleText.line(session.proxyShown()))
                    + ". Capture this page keeps the page as it is shown here, with your login."
                    + " Nothing you do here is kept after you close this window.";
        }, capture.busyProperty(), capture.stageProperty(), capture.errorProperty(), capture.resultProperty()));
        status.getStyleClass().add("hint");
        VBox tools = new VBox(4, bar, status);
        tools.setPadding(new Insets(0, 0, 6, 0));
        VBox.setMargin(status, new Insets(0, 12, 0, 16));

        Label heading = new Label("Evidence browser — " + VisibleText.line(capture.aCase().title()));
        stage = OwnedWindow.create(shell, "Evidence browser", heading, tools, view);
        stage.setOnHidden(e -> close(capture));
    }

    /**
     * Opens the browser for the case of {@code capture}.
     *
     * @param besideVault the vault's folder: the browser's temporary folder is made there and deleted on close
     */
    public static EvidenceBrowserWindow open(AppShell shell, Path besideVault, CaptureDialogViewModel capture,
                                             LongConsumer onStored, String startAddress) {
        EvidenceBrowserWindow window = new EvidenceBrowserWindow(shell, besideVault, capture, onStored);
        window.stage.show();
        if (startAddress != null && !startAddress.isBlank()) {
            window.go(startAddress);
        }
        return window;
    }

    private void go(String text) {
        String typed = text == null ? "" : text.strip();
        if (typed.isEmpty()) {
            return;
        }
        view.getEngine().load(typed.matches("(?i)^[a-z][a-z0-9+.-]*:.*") ? typed : "https://" + typed);
    }

    /** Stops the page (and a capture still running) and drops everything the session kept. */
    private void close(CaptureDialogViewModel capture) {
        capture.clear();
        view.getEngine().load(null);
        session.close();
    }

    public Stage stage() {
        return stage;
    }

    /** The browser's folder for local storage and databases while it is open (deleted when it closes). */
    Path dataFolder() {
        return session.dataFolder();
    }
}
