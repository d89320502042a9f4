package org.casebook.ui.capture;

import java.util.List;
import java.util.function.LongConsumer;
import javafx.beans.binding.Bindings;
import javafx.event.ActionEvent;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.ButtonBar;
import javafx.scene.control.ButtonType;
import javafx.scene.control.Dialog;
import javafx.scene.control.Label;
import javafx.scene.control.ListView;
import javafx.scene.control.ProgressBar;
import javafx.scene.control.Spinner;
import javafx.scene.control.TextArea;
import javafx.scene.control.TextField;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.VBox;
import org.casebook.capture.CaptureService;
import org.casebook.evidence.VisibleText;
import org.casebook.ui.common.DialogLayout;
import org.casebook.ui.common.DialogService;
import org.casebook.ui.common.FormGrid;
import org.casebook.ui.common.Icons;
import org.kordamp.ikonli.materialdesign2.MaterialDesignW;

/**
 * Capture web page: the form (address, note, depth, pages, proxy), before the first capture ever a plain
 * warning, then each resource as it is fetched with Cancel, then what was kept. Closing the dialog (or a lock or
 * quick exit, which hides it) stops a capture still running; a stopped capture stores nothing.
 */
public final class CaptureDialog {
    private CaptureDialog() {
    }

    /**
     * @param onStored    the first stored capture's item id, to select it on the timeline
     * @param openBrowser opens the evidence browser at the address typed (or none) instead
     */
    public static Dialog<Void> show(DialogService dialogs, CaptureDialogViewModel vm, LongConsumer onStored,
                                    java.util.function.Consumer<String> openBrowser) {
        Dialog<Void> dialog = new Dialog<>();
        dialogs.prepare(dialog, "Capture web page");
        dialog.setHeaderText("Capture a web page into " + VisibleText.line(vm.aCase().title()));

        VBox content = new VBox(10);
        if (vm.firstCapture()) {
            Label warning = new Label(CaptureDialogViewModel.FIRST_CAPTURE_WARNING);
            warning.setId("capture-first-warning");
            warning.setWrapText(true);
            warning.getStyleClass().add("warning-text");
            content.getChildren().add(warning);
        }
        GridPane form = form(vm);
        form.disableProperty().bind(vm.busyProperty());
        javafx.scene.control.Hyperlink browser = new javafx.scene.control.Hyperlink("Open the evidence browser"
                + " instead: for a page you must log in to see, or one that shows more as you scroll");
        browser.setId("capture-open-browser");
        browser.setWrapText(true);
        browser.disableProperty().bind(vm.busyProperty());
        browser.setOnAction(e -> {
            String typed = vm.urlProperty().get();
            dialog.hide();
            openBrowser.accept(typed);
        });
        content.getChildren().addAll(form, browser);
        DialogLayout layout = DialogLayout.set(dialog, content);

        Label stage = new Label();
        stage.setId("capture-stage");
        stage.setWrapText(true);
        stage.textProperty().bind(vm.stageProperty());
        ProgressBar progress = new ProgressBar(-1);
        progress.setId("capture-progress");
        progress.setMaxWidth(Double.MAX_VALUE);
        ListView<String> fetched = new ListView<>(vm.fetched());
        fetched.setId("capture-fetched");
        fetched.setAccessibleText("Resources fetched so far");
        fetched.setPrefHeight(150);
        vm.fetched().addListener((javafx.collections.ListChangeListener<String>) c ->
                fetched.scrollTo(Math.max(0, vm.fetched().size() - 1)));
        VBox working = new VBox(6, stage, progress, fetched);
        working.setId("capture-working");
        working.visibleProperty().bind(vm.busyProperty());
        working.managedProperty().bind(working.visibleProperty());
        layout.addStatus(working);
        layout.errorLine("capture-error", Bindings.when(vm.busyProperty()).then("").otherwise(vm.errorProperty()));

        ButtonType capture = new ButtonType("Capture", ButtonBar.ButtonData.OK_DONE);
        dialog.getDialogPane().getButtonTypes().setAll(capture, ButtonType.CANCEL);
        Button captureButton = layout.primaryButton(capture, "capture-start", "capture-problem", vm.problemProperty(),
                vm.busyProperty());
        captureButton.setGraphic(Icons.of(MaterialDesignW.WEB, 18));
        captureButton.addEventFilter(ActionEvent.ACTION, e -> {
            e.consume();
            vm.capture(onStored);
        });
        Button cancel = (Button) dialog.getDialogPane().lookupButton(ButtonType.CANCEL);
        cancel.setId("capture-cancel");
        cancel.addEventFilter(ActionEvent.ACTION, e -> {
            if (vm.busyProperty().get()) {
                e.consume(); // stop the capture, keep the form to try again
                vm.cancel();
            }
        });
        vm.resultProperty().addListener((o, old, result) -> {
            if (result != null) {
                dialog.setHeaderText(result.size() == 1 ? "The page is captured" : result.size()
                        + " pages are captured");
                layout.setBody(resultPane(result));
                dialog.getDialogPane().getButtonTypes().setAll(ButtonType.CLOSE);
                dialog.getDialogPane().lookupButton(ButtonType.CLOSE).setId("capture-close");
            }
        });
        dialog.setOnHidden(e -> vm.clear());
        dialog.show();
        return dialog;
    }

    private static GridPane form(CaptureDialogViewModel vm) {
        GridPane grid = FormGrid.grid(360);
        TextField url = new TextField();
        url.setId("capture-url");
        url.setPromptText("https://…");
        url.textProperty().bindBidirectional(vm.urlProperty());
        FormGrid.row(grid, 0, "Address", url, "Copy it from the browser's address bar and paste it here.");
        TextArea note = FormGrid.area("capture-note", 2);
        note.textProperty().bindBidirectional(vm.noteProperty());
        FormGrid.row(grid, 1, "Note", note, "Optional: why this page matters, where you found it.");
        Spinner<Integer> depth = new Spinner<>(0, 5, vm.depthProperty().get());
        depth.setId("capture-depth");
        depth.setEditable(true);
        vm.depthProperty().bind(depth.valueProperty());
        FormGrid.row(grid, 2, "Links to follow", depth, "0 captures this page alone. 1 also captures the pages it"
                + " links to on the same site, 2 the pages those link to, and so on.");
        Spinner<Integer> pages = new Spinner<>(1, 500, vm.maxPagesProperty().get());
        pages.setId("capture-max-pages");
        pages.setEditable(true);
        vm.maxPagesProperty().bind(pages.valueProperty());
        FormGrid.row(grid, 3, "At most", pages, "pages in all, when following links.");
        TextField proxy = new TextField();
        proxy.setId("capture-proxy");
        proxy.setPromptText("none: this computer's own connection");
        proxy.textProperty().bindBidirectional(vm.proxyProperty());
        FormGrid.row(grid, 4, "Proxy", proxy, "Optional, remembered for next time: http://HOST:PORT or"
                + " socks5://HOST:PORT (the Tor Browser's is socks5://127.0.0.1:9150).");
        return grid;
    }

    /** What was kept, page by page: title, verdict of a re-capture with its diff, missing resources, warnings. */
    static Node resultPane(List<CaptureService.Summary> result) {
        VBox box = new VBox(8);
        box.setId("capture-result");
        for (CaptureService.Summary s : result) {
            StringBuilder text = new StringBuilder();
            text.append(s.title() == null || s.title().isBlank() ? "(no title)" : VisibleText.line(s.title()))
                    .append('\n').append(VisibleText.line(s.finalUrl() == null ? s.url() : s.finalUrl()));
            if (s.status() != null) {
                text.append("  (HTTP ").append(s.status()).append(')');
            }
            text.append('\n').append(verdictText(s.verdict()));
            text.append("\n").append(s.resources()).append(s.resources() == 1 ? " resource" : " resources")
                    .append(", ").append(s.missing().size()).append(" missing");
            Label summary = new Label(text.toString());
            summary.setWrapText(true);
            summary.getStyleClass().add("capture-summary");
            box.getChildren().add(summary);
            if (!s.diff().isEmpty()) {
                box.getChildren().add(lines("capture-diff", "What changed (- removed, + added):", s.diff()));
            }
            if (!s.missing().isEmpty()) {
                box.getChildren().add(lines("capture-missing", "Not kept:", s.missing()));
            }
            if (!s.warnings().isEmpty()) {
                box.getChildren().add(lines("capture-warnings", "Notes:", s.warnings()));
            }
        }
        return box;
    }

    static String verdictText(String verdict) {
        return verdict == null ? "First capture of this address in the case." : "Re-capture: "
                + CaptureDialogTexts.verdict(verdict);
    }

    private static Node lines(String id, String caption, List<String> lines) {
        Label title = new Label(caption);
        title.getStyleClass().add("field-name");
        List<String> shown = lines.subList(0, Math.min(200, lines.size())).stream().map(VisibleText::line).toList();
        TextArea area = new TextArea(String.join("\n", shown)
                + (lines.size() > shown.size() ? "\n… " + (lines.size() - shown.size()) + " more" : ""));
        area.setId(id);
        area.setEditable(false);
        area.setWrapText(true);
        area.setPrefRowCount(Math.min(8, Math.max(2, shown.size())));
        return new VBox(2, title, area);
    }
}
