package org.casebook.ui.common;

import java.time.Duration;
import java.util.function.Supplier;
import javafx.animation.KeyFrame;
import javafx.animation.Timeline;
import javafx.event.EventHandler;
import javafx.scene.Scene;
import javafx.scene.input.InputEvent;

/**
 * Locks the vault after a stretch without keyboard or mouse use. Input only updates a timestamp; a
 * low-frequency check does the rest, so it costs nothing while the person types.
 */
public final class IdleLock {
    private final Supplier<Duration> idleLimit;
    private final Runnable onIdle;
    private final Timeline check;
    private final EventHandler<InputEvent> touch = e -> touch();
    private volatile long lastInputNanos = System.nanoTime();
    private boolean armed;

    public IdleLock(Scene scene, Supplier<Duration> idleLimit, Runnable onIdle) {
        this.idleLimit = idleLimit;
        this.onIdle = onIdle;
        scene.addEventFilter(InputEvent.ANY, touch);
        check = new Timeline(new KeyFrame(javafx.util.Duration.millis(250), e -> checkIdle()));
        check.setCycleCount(Timeline.INDEFINITE);
    }

    /** Starts counting (when a vault is unlocked). */
    public void arm() {
        touch();
        armed = true;
        check.play();
    }

    /** Stops counting (when locked). */
    public void disarm() {
        armed = false;
        check.stop();
    }

    private final javafx.collections.ListChangeListener<javafx.stage.Window> newWindows = change -> {
        while (change.next()) {
            for (javafx.stage.Window w : change.getAddedSubList()) {
                if (w.getScene() != null) {
                    w.getScene().addEventFilter(InputEvent.ANY, touch);
                }
                w.sceneProperty().addListener((obs, old, scene) -> {
                    if (scene != null) {
                        scene.addEventFilter(InputEvent.ANY, touch);
                    }
                });
            }
        }
    };

    /** Input in every other window of the app (dialogs) also counts as use. */
    public void watchAllWindows() {
        javafx.stage.Window.getWindows().addListener(newWindows);
    }

    /** Stops watching new windows: the app is closing, and the list of windows must not keep it alive. */
    public void stopWatching() {
        javafx.stage.Window.getWindows().removeListener(newWindows);
    }

    public void touch() {
        lastInputNanos = System.nanoTime();
    }

    private void checkIdle() {
        if (armed && System.nanoTime() - lastInputNanos >= idleLimit.get().toNanos()) {
            disarm();
            onIdle.run();
        }
    }
}
