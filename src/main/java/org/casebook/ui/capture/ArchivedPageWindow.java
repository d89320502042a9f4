package org.casebook.ui.capture;

import javafx.application.Platform;
import javafx.concurrent.Worker;
import javafx.scene.control.Label;
import javafx.scene.control.TextField;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.web.WebEngine;
import javafx.scene.web.WebView;
import javafx.stage.Stage;
import org.casebook.evidence.VisibleText;
import org.casebook.ui.common.AppShell;
import org.w3c.dom.Element;
import org.w3c.dom.Node;
import org.w3c.dom.events.EventTarget;

/**
 * Shows a capture's single-file copy, offline: JavaScript off, and nothing but the copy itself is ever loaded. The
 * copy is already stripped of every remote reference, script and refresh (a link's address is kept as text in
 * {@value #ARCHIVED_HREF}, not as a link); on top of that a click on a link is
 * stopped and its address shown as text, any navigation the engine still starts is cancelled, and no new window
 * can open. A remote image or font would tell the perpetrator's server that the victim looked.
 */
public final class ArchivedPageWindow {
    static {
        WebKitNetwork.useUrlConnection();
    }

    /** Where the single-file copy keeps a link's address, its {@code href} removed so that it cannot be followed. */
    private static final String ARCHIVED_HREF = "data-casebook-href";
    private final Stage stage;
    private final WebView view = new WebView();
    private final TextField link = new TextField();
    private final String html;

    /** @param html the copy with {@link #NOTHING_REMOTE} in its head */
    private ArchivedPageWindow(AppShell shell, String title, String address, String html) {
        this.html = html;
        view.setId("archived-page");
        view.setContextMenuEnabled(false);
        WebEngine engine = view.getEngine();
        engine.setJavaScriptEnabled(false);
        engine.setCreatePopupHandler(features -> null);
        link.setId("archived-link");
        link.setEditable(false);
        link.setPromptText("A link you click is shown here as text; the archived page never opens it.");
        HBox.setHgrow(link, Priority.ALWAYS);
        Label linkCaption = new Label("Link:");
        HBox tools = new HBox(8, linkCaption, link);
        tools.setAlignment(javafx.geometry.Pos.CENTER_LEFT);
        tools.setPadding(new javafx.geometry.Insets(4, 12, 4, 16));
        Label heading = new Label("Archived copy of " + VisibleText.line(address) + " — offline, nothing is fetched");
        heading.setId("archived-heading");
        stage = OwnedWindow.create(shell, "Archived page: " + VisibleText.line(title), heading, tools, view);
        engine.locationProperty().addListener((o, was, now) -> {
            if (now != null && !now.isEmpty() && !now.equals("about:blank")) {
                blocked(now); // the copy was loaded as content; any address at all is a navigation away from it
            }
        });
        engine.getLoadWorker().stateProperty().addListener((o, was, now) -> {
            if (now == Worker.State.SUCCEEDED) {
                stopLinks(engine);
            }
        });
        stage.setOnHidden(e -> {
            engine.loadContent("");
            link.clear();
        });
    }

    /**
     * A content security policy that lets the page use only what it carries inline ({@code data:} URLs and its own
     * styles), put first in its head: the engine then refuses every remote image, stylesheet, font, frame and
     * script, should the copy still name one.
     */
    static final String NOTHING_REMOTE = "<meta http-equiv=\"Content-Security-Policy\" content=\"default-src 'none';"
            + " img-src data:; style-src 'unsafe-inline' data:; font-src data:; media-src data:\">";
    private static final java.util.regex.Pattern HEAD = java.util.regex.Pattern.compile("<head(\\s[^>]*)?>",
            java.util.regex.Pattern.CASE_INSENSITIVE);

    static String offline(String html) {
        java.util.regex.Matcher head = HEAD.matcher(html);
        return head.find() ? html.substring(0, head.end()) + NOTHING_REMOTE + html.substring(head.end())
                : NOTHING_REMOTE + html;
    }

    /** Opens the viewer on a capture's single-file HTML. */
    public static ArchivedPageWindow open(AppShell shell, String title, String address, String archived) {
        String html = offline(archived);
        ArchivedPageWindow window = new ArchivedPageWindow(shell, title == null ? address : title, address, html);
        window.view.getEngine().loadContent(html, "text/html");
        window.stage.show();
        return window;
    }

    /** A navigation the engine began anyway: stopped at once, the copy shown again, the address shown as text. */
    private void blocked(String address) {
        link.setText(VisibleText.line(address));
        Platform.runLater(() -> {
            view.getEngine().getLoadWorker().cancel();
            view.getEngine().loadContent(html, "text/html");
        });
    }

    /**
     * Every click on a link is stopped before the engine follows it, and the link's address is shown as text.
     * These are Java listeners on the document: they work with the page's JavaScript off.
     */
    private void stopLinks(WebEngine engine) {
        if (!(engine.getDocument() instanceof EventTarget document)) {
            return;
        }
        document.addEventListener("click", event -> {
            for (Node n = (Node) event.getTarget(); n != null; n = n.getParentNode()) {
                if (n instanceof Element e && (e.hasAttribute("href") || e.hasAttribute(ARCHIVED_HREF))) {
                    event.preventDefault();
                    event.stopPropagation();
                    link.setText(VisibleText.line(e.hasAttribute(ARCHIVED_HREF) ? e.getAttribute(ARCHIVED_HREF)
                            : e.getAttribute("href")));
                    return;
                }
            }
        }, true);
        document.addEventListener("submit", event -> {
            event.preventDefault();
            event.stopPropagation();
        }, true);
    }

    public Stage stage() {
        return stage;
    }
}
