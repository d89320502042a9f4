package org.casebook.bundle.text;

import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Writes a one-page PDF showing every script, a redaction and a placeholder, for looking at and for the
 * README's screenshot ({@code pdftoppm -png -r 100 -singlefile FILE.pdf docs/screenshots/bundle-scripts}).
 * Run on the test class path: {@code java ... org.casebook.bundle.text.ScriptsSamplePage FILE.pdf}.
 */
public final class ScriptsSamplePage {
    public static void main(String[] args) throws Exception {
        TextStyle heading = new TextStyle(Face.BOLD, 14);
        TextStyle body = new TextStyle(Face.REGULAR, 11);
        TextStyle mono = new TextStyle(Face.MONO, 9);
        try (TextPage page = new TextPage()) {
            page.write("Exhibit JS/12 — messages in every script", heading);
            for (String sample : SampleTexts.all()) {
                page.write(sample, body);
            }
            page.write("Redacted: I moved to \uE000, my new number is \uE000.", body);
            page.write("A glyph no font has becomes a placeholder: 𓀀 (Egyptian hieroglyph A001).", body);
            page.write("Long links wrap: https://example.org/a/very/long/path/that/would/otherwise/run/off/the/page"
                    + "?with=query&and=more&parameters=0123456789abcdef0123456789abcdef", body);
            page.write("Mixed paragraph: the sender wrote «أنا أراقبك» (I am watching you) at 23:14, then "
                    + "\"אני יודע איפה את גרה\" at 23:20, then 我知道你住在哪里 and 😡👀 before midnight.", body);
            page.write("SHA-256 3f79bb7b435b05321651daefd374cdc681dc06faa65e374e38337b88ca046dea", mono);
            Files.write(Path.of(args[0]), page.save());
            System.out.println(String.join("\n", page.warnings.all()));
        }
    }

    private ScriptsSamplePage() {
    }
}
