package org.casebook.ui.common;

import javafx.scene.control.Label;
import javafx.scene.layout.VBox;

/** Where to turn for help: shown calmly beside the pattern and the prompts, never as a pop-up. */
public final class Helplines {
    public static final String EMERGENCY = "In an emergency, call 999.";
    public static final String STALKING = "National Stalking Helpline: 0808 802 0300";
    public static final String DOMESTIC_ABUSE = "National Domestic Abuse Helpline: 0808 2000 247 (free, 24 hours)";

    private Helplines() {
    }

    /** The helplines as a small block of text. */
    public static VBox box() {
        Label title = new Label("SUPPORT");
        title.getStyleClass().add("section-title");
        Label lines = new Label(STALKING + "\n" + DOMESTIC_ABUSE + "\n" + EMERGENCY);
        lines.setWrapText(true);
        Label note = new Label("Talking it through with an advocate can help you plan for your safety; they can"
                + " also help you prepare this evidence.");
        note.getStyleClass().add("hint");
        note.setWrapText(true);
        VBox box = new VBox(4, title, lines, note);
        box.setId("helplines");
        box.getStyleClass().add("helplines");
        return box;
    }

    public static String text() {
        return STALKING + "\n" + DOMESTIC_ABUSE + "\n" + EMERGENCY;
    }
}
