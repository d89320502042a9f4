package org.casebook.cli;

import java.io.PrintStream;
import java.util.Locale;
import org.casebook.evidence.VisibleText;

/**
 * The command line's standard output and error: everything printed as text goes through
 * {@link VisibleText#line}, so that no file name, sender, title or warning read from evidence can move the
 * cursor, clear the screen or forge a line ({@code print} and {@code println} escape the whole text; {@code
 * printf} escapes its text arguments, and its {@code %n} stays a line break). One text printed is one line:
 * a command that means two lines prints twice. Bytes written with {@code write} pass unchanged (JSON output,
 * escaped by {@link JsonLines}). Text reaches the underlying stream as text, in its own encoding.
 */
final class VisibleOutput extends PrintStream {
    private final PrintStream raw;

    private VisibleOutput(PrintStream raw) {
        super(raw, true);
        this.raw = raw;
    }

    static PrintStream of(PrintStream raw) {
        return raw instanceof VisibleOutput ? raw : new VisibleOutput(raw);
    }

    @Override
    public void print(String s) {
        raw.print(VisibleText.line(String.valueOf(s)));
    }

    @Override
    public void print(Object o) {
        print(String.valueOf(o));
    }

    @Override
    public void print(char[] s) {
        print(new String(s));
    }

    @Override
    public void print(char c) {
        print(String.valueOf(c));
    }

    @Override
    public void println() {
        raw.println();
    }

    @Override
    public void println(String s) {
        synchronized (this) {
            raw.println(VisibleText.line(String.valueOf(s)));
        }
    }

    @Override
    public void println(Object o) {
        println(String.valueOf(o));
    }

    @Override
    public void println(char[] s) {
        println(new String(s));
    }

    @Override
    public void println(char c) {
        println(String.valueOf(c));
    }

    @Override
    public PrintStream format(String format, Object... args) {
        return format(Locale.getDefault(Locale.Category.FORMAT), format, args);
    }

    @Override
    public PrintStream format(Locale locale, String format, Object... args) {
        Object[] shown = args.clone();
        for (int i = 0; i < shown.length; i++) {
            if (shown[i] instanceof CharSequence text) {
                shown[i] = VisibleText.line(text.toString());
            }
        }
        raw.print(String.format(locale, format, shown));
        return this;
    }

    @Override
    public void write(int b) {
        raw.write(b);
    }

    @Override
    public void write(byte[] buf, int off, int len) {
        raw.write(buf, off, len);
    }

    @Override
    public void flush() {
        raw.flush();
    }

    @Override
    public boolean checkError() {
        return raw.checkError();
    }
}
