package org.casebook.ui.capture;

import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import javafx.animation.PauseTransition;
import javafx.application.Platform;
import javafx.concurrent.Worker;
import javafx.geometry.Rectangle2D;
import javafx.scene.Group;
import javafx.scene.Scene;
import javafx.scene.SnapshotParameters;
import javafx.scene.image.PixelFormat;
import javafx.scene.image.WritableImage;
import javafx.scene.paint.Color;
import javafx.scene.web.WebView;
import javafx.stage.Stage;
import javafx.stage.StageStyle;
import javafx.util.Duration;
import javax.imageio.ImageIO;
import org.casebook.capture.PageRenderer;

/**
 * Draws an archived single-file page with JavaFX's WebView, JavaScript off, to a PNG of the whole page: the view
 * is sized to the page's full height and snapshotted in tiles that are stitched together. Works without a display:
 * when the toolkit is not running yet and there is no X display, it is started headless (Monocle), as the command
 * line needs on a server. The page is self-contained (no remote reference), so drawing it makes no request.
 */
public final class WebViewPageRenderer implements PageRenderer {
    static {
        WebKitNetwork.useUrlConnection();
    }

    /** Taller pages are cut here (and the capture says so): a 1280 × 30000 image is already ~150 MB of pixels. */
    static final int MAX_HEIGHT = 30_000;
    private static final int TILE = 2048;
    private static final long TIMEOUT_SECONDS = 60;

    @Override
    public byte[] render(String html, int width) throws RenderException {
        HeadlessToolkit.ensureStarted();
        CompletableFuture<BufferedImage> result = new CompletableFuture<>();
        Platform.runLater(() -> start(html, width, result));
        BufferedImage image;
        try {
            image = result.get(TIMEOUT_SECONDS, TimeUnit.SECONDS);
        } catch (TimeoutException e) {
            throw new RenderException("the page could not be drawn within " + TIMEOUT_SECONDS + " s");
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new RenderException("interrupted while drawing the page");
        } catch (ExecutionException e) {
            throw new RenderException("the page could not be drawn: " + e.getCause().getMessage(), e.getCause());
        }
        ImageIO.setUseCache(false); // no temporary files with the page's pixels
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try {
            ImageIO.write(image, "png", out);
        } catch (IOException e) {
            throw new RenderException("the screenshot could not be written: " + e.getMessage(), e);
        }
        return out.toByteArray();
    }

    private static void start(String html, int width, CompletableFuture<BufferedImage> result) {
        try {
            WebView view = new WebView();
            view.setContextMenuEnabled(false);
            view.getEngine().setJavaScriptEnabled(false);
            view.setPrefSize(width, 900);
            // WebView draws only in a window that is showing: a small, fully transparent one without decorations,
            // so nothing appears on the user's screen. A Group root lets the view grow to the page's height while
            // the window (and its drawing buffer) stays small.
            Scene scene = new Scene(new Group(view), 320, 240, Color.WHITE);
            Stage stage = new Stage(StageStyle.TRANSPARENT);
            stage.setOpacity(0);
            stage.setScene(scene);
            stage.show();
            view.getEngine().getLoadWorker().stateProperty().addListener((obs, was, now) -> {
                if (now == Worker.State.SUCCEEDED) {
                    settle(() -> measure(view, scene, width, result));
                } else if (now == Worker.State.FAILED || now == Worker.State.CANCELLED) {
                    stage.close();
                    result.completeExceptionally(new IllegalStateException("WebView could not load the page"));
                }
            });
            view.getEngine().loadContent(html, "text/html");
        } catch (RuntimeException e) {
            result.completeExceptionally(e);
        }
    }

    /** Lets WebView lay out and paint (images decode asynchronously) before the next step. */
    private static void settle(Runnable next) {
        PauseTransition pause = new PauseTransition(Duration.millis(150));
        pause.setOnFinished(e -> next.run());
        pause.play();
    }

    private static void measure(WebView view, Scene scene, int width, CompletableFuture<BufferedImage> result) {
        try {
            int height = documentHeight(view);
            int shown = Math.max(1, Math.min(height, MAX_HEIGHT));
            view.setPrefSize(width, shown);
            view.setMinSize(width, shown);
            view.setMaxSize(width, shown);
            view.resize(width, shown);
            settle(() -> snapshot(view, scene, width, shown, result));
        } catch (RuntimeException e) {
                        result.completeExceptionally(e);
        }
    }

    /**
     * The page's full height. JavaScript is off for the page's own scripts; the engine still answers this one
     * question from Java, which runs no code from the page.
     */
    private static int documentHeight(WebView view) {
        Object h = view.getEngine().executeScript(
                "Math.max(document.documentElement ? document.documentElement.scrollHeight : 0,"
                        + " document.body ? document.body.scrollHeight : 0)");
        return h instanceof Number n ? Math.max(1, n.intValue()) : 900;
    }

    private static void snapshot(WebView view, Scene scene, int width, int height,
                                 CompletableFuture<BufferedImage> result) {
        try {
            view.layout();
            BufferedImage image = new BufferedImage(width, height, BufferedImage.TYPE_INT_RGB);
            int[] row = new int[width * TILE];
            for (int top = 0; top < height; top += TILE) {
                int h = Math.min(TILE, height - top);
                SnapshotParameters params = new SnapshotParameters();
                params.setFill(Color.WHITE);
                params.setViewport(new Rectangle2D(0, top, width, h));
                WritableImage tile = view.snapshot(params, new WritableImage(width, h));
                tile.getPixelReader().getPixels(0, 0, width, h, PixelFormat.getIntArgbInstance(), row, 0, width);
                image.setRGB(0, top, width, h, row, 0, width);
            }
            result.complete(image);
        } catch (RuntimeException e) {
            result.completeExceptionally(e);
        } finally {
            ((Stage) scene.getWindow()).close();
        }
    }
}
