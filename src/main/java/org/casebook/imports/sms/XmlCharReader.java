package org.casebook.imports.sms;

import java.io.IOException;
import java.io.InputStream;
import java.io.Reader;
import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.Charset;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CoderResult;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.IllegalCharsetNameException;
import java.nio.charset.StandardCharsets;
import java.nio.charset.UnsupportedCharsetException;
import java.security.SecureRandom;
import java.util.Arrays;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.casebook.imports.ImportException;
import org.casebook.imports.MessageText;

/**
 * The characters of an XML export as the parser should see them, decoded and streamed from the file's bytes:
 *
 * <ul>
 * <li><b>Encoding</b>: a byte-order mark, else the XML declaration's {@code encoding}, else UTF-8. Bytes that
 * are not valid in it become U+FFFD and are counted ({@link #malformedInputs()}), never dropped silently.</li>
 * <li><b>Surrogate-pair character references</b> ({@code &#55357;&#56832;}, or hex {@code &#xD83D;&#xDE00;}),
 * which converters in SMS Backup &amp; Restore's schema write for emoji but which XML forbids, become the
 * character they stand for ({@link #repairedPairs()}); a lone surrogate reference becomes U+FFFD
 * ({@link #loneSurrogates()}). References in CDATA sections, comments and processing instructions are left
 * alone.</li>
 * <li><b>Embedded files</b>: the base64 text of every {@code data="…"} attribute is taken out of the stream
 * into compact byte chunks ({@link Embedded}, one byte per character) and the parser sees a short token in
 * its place, which {@link #embedded(String)} turns back into the text. The JDK's parser would otherwise hold
 * a 40 MB attribute several times over in char buffers (a 40 MB video part does not fit in 256 MB of heap),
 * and scan it character by character. A value that turns out not to be base64 is handed to the parser as it
 * is. Newlines inside it are passed on after the token, so line numbers do not move.</li>
 * <li><b>Where the input ended</b>: whether the parser has been told the input is over, and the line and
 * column (as the parser counts them) of the last end of a tag, so that an error after it can be told apart
 * as a file that ends early rather than one that is malformed.</li>
 * </ul>
 *
 * <p>Nothing else is changed: every newline reaches the parser, so its line numbers are the file's.
 */
final class XmlCharReader extends Reader {
    private static final int BYTE_BUFFER = 1 << 16;
    private static final int CHAR_BUFFER = 1 << 16;
    /** Characters kept before {@code pos} when the buffer is compacted, for looking back. */
    private static final int HISTORY = 16;
    /** Longest character reference this reader rewrites ({@code &#x0000D83D;} is 12). */
    private static final int MAX_REF = 16;
    /** Characters that need a look: all below 64. */
    private static final long SPECIAL = 1L << '\n' | 1L << '\r' | 1L << '&' | 1L << '<' | 1L << '>' | 1L << '"'
            | 1L << '\'';
    private static final Pattern ENCODING = Pattern.compile("encoding\\s*=\\s*[\"']([A-Za-z][A-Za-z0-9._:-]*)[\"']");
    /** Characters that may stay in a diverted value: the base64 alphabet, '=', space and tab. */
    private static final boolean[] BASE64 = new boolean[128];
    /** 1 for ASCII characters that are not in {@link #BASE64}, else 0. */
    private static final int[] NOT_BASE64 = new int[128];

    static {
        for (char c : "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/= \t".toCharArray()) {
            BASE64[c] = true;
        }
        for (int c = 0; c < 128; c++) {
            NOT_BASE64[c] = BASE64[c] ? 0 : 1;
        }
    }

    // Where the reader is in the XML.
    private static final int TEXT = 0;
    private static final int TAG = 1;
    private static final int VALUE = 2;
    private static final int COMMENT = 3;
    private static final int PI = 4;
    private static final int CDATA = 5;
    private static final int DECL = 6;
    private static final int DIVERT = 7;

    private final InputStream in;
    private final CharsetDecoder decoder;
    private final ByteBuffer bytes = ByteBuffer.allocate(BYTE_BUFFER);
    private final char[] buf = new char[CHAR_BUFFER];
    private int pos;
    private int lim;
    private boolean bytesEnded;
    private boolean charsEnded;
    private long bytesRead;

    /** Output owed to the parser before anything else (a token, a diverted value handed back, a low half). */
    private char[] queue = new char[64];
    private int queueHead;
    private int queueTail;

    private int state = TEXT;
    private char quote;
    private int cdataBrackets;
    /** Characters of the attribute value being read, and its line breaks past the limit (see valueLimit). */
    private long valueChars;
    private long valueBreaksDropped;
    private final int valueLimit;

    private final String tokenPrefix;
    private final Map<Long, Embedded> embedded = new LinkedHashMap<>();
    private long nextId;
    private Embedded diverting;
    private final StringBuilder divertedNewlines = new StringBuilder();

    private long repairedPairs;
    private long loneSurrogates;
    private long malformedInputs;

    // Position as the parser counts it: lines end at \n, \r\n or \r; columns count chars from 1.
    private long emitted;
    private long line = 1;
    private long lineStart;
    private long lastCr = -2;
    private long tagEndLine;
    private long tagEndColumn;
    private boolean endReported;

    /**
     * @param in   the file's bytes (closed with this reader)
     * @param file the file's name, for the one error this can raise (an encoding Java does not know)
     */
    XmlCharReader(InputStream in, String file) throws IOException {
        this(in, file, MessageText.READ_LIMIT);
    }

    /** @param valueLimit the most characters of an attribute value (other than data) kept; tests use a small one */
    XmlCharReader(InputStream in, String file, int valueLimit) throws IOException {
        this.valueLimit = valueLimit;
        this.in = in;
        bytes.limit(0);
        readBytes(512);
        Charset charset = detectCharset(file);
        this.decoder = charset.newDecoder()
                .onMalformedInput(CodingErrorAction.REPORT)
                .onUnmappableCharacter(CodingErrorAction.REPORT);
        // Unguessable, so that a file cannot name another part's data by writing a token itself.
        this.tokenPrefix = "casebook-embedded-" + Long.toHexString(new SecureRandom().nextLong() | 1L << 63) + "-";
    }

    /** Picks the charset and skips a byte-order mark. */
    private Charset detectCharset(String file) {
        int n = bytes.remaining();
        byte[] a = bytes.array();
        int p = bytes.position();
        if (n >= 3 && (a[p] & 0xFF) == 0xEF && (a[p + 1] & 0xFF) == 0xBB && (a[p + 2] & 0xFF) == 0xBF) {
            bytes.position(p + 3);
            return StandardCharsets.UTF_8;
        }
        if (n >= 2 && (a[p] & 0xFF) == 0xFE && (a[p + 1] & 0xFF) == 0xFF) {
            bytes.position(p + 2);
            return StandardCharsets.UTF_16BE;
        }
        if (n >= 2 && (a[p] & 0xFF) == 0xFF && (a[p + 1] & 0xFF) == 0xFE) {
            bytes.position(p + 2);
            return StandardCharsets.UTF_16LE;
        }
        if (n >= 4 && a[p] == '<' && a[p + 1] == 0 && a[p + 2] == '?' && a[p + 3] == 0) {
            return StandardCharsets.UTF_16LE;
        }
        if (n >= 4 && a[p] == 0 && a[p + 1] == '<' && a[p + 2] == 0 && a[p + 3] == '?') {
            return StandardCharsets.UTF_16BE;
        }
        String head = new String(a, p, n, StandardCharsets.ISO_8859_1);
        if (!head.startsWith("<?xml")) {
            return StandardCharsets.UTF_8;
        }
        int end = head.indexOf("?>");
        Matcher m = ENCODING.matcher(end < 0 ? head : head.substring(0, end));
        if (!m.find()) {
            return StandardCharsets.UTF_8;
        }
        String name = m.group(1);
        String upper = name.toUpperCase(Locale.ROOT);
        if (upper.equals("UTF-16") || upper.equals("UTF-32")) {
            // Declared so, but without a byte-order mark and ASCII-compatible bytes: it is not.
            return StandardCharsets.UTF_8;
        }
        try {
            return Charset.forName(name);
        } catch (IllegalCharsetNameException | UnsupportedCharsetException e) {
            throw new ImportException(file + ": is written in the character encoding \"" + name
                    + "\", which Casebook cannot read.");
        }
    }

    /** Reads more bytes until at least {@code want} are buffered or the input ends. */
    private void readBytes(int want) throws IOException {
        bytes.compact();
        try {
            while (bytes.position() < want && bytes.hasRemaining()) {
                int n = in.read(bytes.array(), bytes.position(), bytes.remaining());
                if (n < 0) {
                    bytesEnded = true;
                    break;
                }
                bytesRead += n;
                bytes.position(bytes.position() + n);
            }
        } finally {
            bytes.flip();
        }
    }

    /** Decodes more characters into {@code buf}, keeping a little history; false when there are none left. */
    private boolean fill() throws IOException {
        int keep = Math.min(pos, HISTORY);
        if (pos - keep > 0) {
            System.arraycopy(buf, pos - keep, buf, 0, lim - pos + keep);
            lim -= pos - keep;
            pos = keep;
        }
        while (lim < buf.length && !charsEnded) {
            CharBuffer out = CharBuffer.wrap(buf, lim, buf.length - lim);
            CoderResult result = decoder.decode(bytes, out, bytesEnded);
            lim = out.position();
            if (result.isError()) {
                if (lim == buf.length) {
                    break;
                }
                bytes.position(bytes.position() + result.length());
                buf[lim++] = '\uFFFD';
                malformedInputs++;
                continue;
            }
            if (result.isOverflow()) {
                break;
            }
            if (bytesEnded) {
                CoderResult flushed = decoder.flush(out);
                lim = out.position();
                if (flushed.isOverflow()) {
                    break;
                }
                charsEnded = true;
                break;
            }
            if (lim > pos + MAX_REF * 2) {
                break;
            }
            readBytes(BYTE_BUFFER);
        }
        return lim > pos;
    }

    /** Makes at least {@code n} characters available from {@code pos} unless the input ends first. */
    private void ensure(int n) throws IOException {
        while (lim - pos < n && !charsEnded) {
            fill();
        }
    }

    @Override
    public int read(char[] cbuf, int off, int len) throws IOException {
        if (len <= 0) {
            return 0;
        }
        int o = off;
        int end = off + len;
        while (o < end) {
            if (queueHead < queueTail) {
                o = drainQueue(cbuf, o, end);
                continue;
            }
            if (pos == lim && !fill()) {
                if (state == DIVERT) {
                    // The file ends inside the value: the parser sees the token and then the end.
                    finishDiversion(false);
                    continue;
                }
                break;
            }
            if (state == DIVERT) {
                divert();
                continue;
            }
            if (state == CDATA) {
                o = copyCdata(cbuf, o, end);
                continue;
            }
            int max = Math.min(lim, pos + (end - o));
            int i = scan(buf, pos, max);
            int run = i - pos;
            if (run > 0) {
                int keep = state == VALUE ? (int) Math.max(0, Math.min(run, valueLimit - valueChars)) : run;
                if (state == VALUE) {
                    valueChars += keep;
                }
                System.arraycopy(buf, pos, cbuf, o, keep);
                o += keep;
                pos = i;
                emitted += keep;
                continue;
            }
            if (i == max) {
                continue;
            }
            o = special(cbuf, o, end, buf[pos]);
        }
        if (o == off) {
            endReported = true;
            return -1;
        }
        return o - off;
    }

    /** The index of the first character from {@code from} that needs a look, or {@code to}. */
    private static int scan(char[] chars, int from, int to) {
        for (int i = from; i < to; i++) {
            int c = chars[i];
            // Branch-free test (base64 is a fifth digits and signs below 64, which would mispredict):
            // (c - 64) >> 31 is all ones below 64 and 0 above; a shift by c uses c mod 64.
            if (((c - 64) >> 31 & (int) (SPECIAL >>> c) & 1) != 0) {
                return i;
            }
        }
        return to;
    }

    /**
     * One character that may change the state, at {@code pos}. Past {@link #valueLimit} characters of an
     * attribute value, what follows is dropped up to its closing quote (line breaks are passed on, so line
     * numbers hold, up to as many again), so that one huge text attribute never reaches the parser whole.
     */
    private int special(char[] cbuf, int o, int end, char c) throws IOException {
        if (state == VALUE && c != quote && valueChars >= valueLimit) {
            boolean lineBreak = c == '\n' || c == '\r';
            if (!lineBreak || valueBreaksDropped++ >= valueLimit) {
                pos++;
                return o;
            }
        }
        switch (c) {
            case '&' -> {
                if (state == TEXT || state == VALUE) {
                    int after = reference(cbuf, o, end);
                    if (state == VALUE) {
                        valueChars += Math.max(1, after - o);
                    }
                    return after;
                }
            }
            case '<' -> {
                if (state == TEXT) {
                    ensure(4);
                    char next = pos + 1 < lim ? buf[pos + 1] : 0;
                    if (next == '?') {
                        state = PI;
                    } else if (next != '!') {
                        state = TAG;
                    } else if (startsWith("<![CDATA[")) {
                        state = CDATA;
                        cdataBrackets = 0;
                    } else if (startsWith("<!--")) {
                        state = COMMENT;
                    } else {
                        state = DECL;
                    }
                }
            }
            case '>' -> {
                boolean ends = switch (state) {
                    case TAG, DECL -> true;
                    case COMMENT -> pos >= 2 && buf[pos - 1] == '-' && buf[pos - 2] == '-';
                    case PI -> pos >= 1 && buf[pos - 1] == '?';
                    default -> false;
                };
                if (ends) {
                    state = TEXT;
                    tagEndLine = line;
                    tagEndColumn = emitted - lineStart + 1;
                }
            }
            case '"', '\'' -> {
                if (state == TAG) {
                    quote = c;
                    if (isDataAttribute()) {
                        cbuf[o] = c;
                        pos++;
                        emitted++;
                        state = DIVERT;
                        diverting = new Embedded();
                        divertedNewlines.setLength(0);
                        return o + 1;
                    }
                    state = VALUE;
                    valueChars = 0;
                    valueBreaksDropped = 0;
                    cbuf[o] = c;
                    pos++;
                    emitted++;
                    return o + 1;
                } else if (state == VALUE && c == quote) {
                    state = TAG;
                }
            }
            case '\n', '\r' -> newline(c);
            default -> {
                // nothing
            }
        }
        if (state == VALUE) {
            valueChars++;
        }
        cbuf[o] = c;
        pos++;
        emitted++;
        return o + 1;
    }

    private boolean startsWith(String s) throws IOException {
        ensure(s.length());
        if (lim - pos < s.length()) {
            return false;
        }
        for (int k = 0; k < s.length(); k++) {
            if (buf[pos + k] != s.charAt(k)) {
                return false;
            }
        }
        return true;
    }

    /** At an opening quote in a tag: is the attribute named {@code data}? (Looks back over "data =".) */
    private boolean isDataAttribute() {
        int k = pos - 1;
        while (k >= 0 && isSpace(buf[k])) {
            k--;
        }
        if (k < 0 || buf[k] != '=') {
            return false;
        }
        k--;
        while (k >= 0 && isSpace(buf[k])) {
            k--;
        }
        return k >= 4 && buf[k] == 'a' && buf[k - 1] == 't' && buf[k - 2] == 'a' && buf[k - 3] == 'd'
                && isSpace(buf[k - 4]);
    }

    private static boolean isSpace(char c) {
        return c == ' ' || c == '\t' || c == '\n' || c == '\r';
    }

    /** Position bookkeeping for a newline at output index {@link #emitted}. */
    private void newline(char c) {
        if (c == '\n') {
            if (lastCr != emitted - 1) {
                line++;
            }
            lineStart = emitted + 1;
        } else {
            line++;
            lineStart = emitted + 1;
            lastCr = emitted;
        }
    }

    private int copyCdata(char[] cbuf, int o, int end) {
        while (o < end && pos < lim) {
            char c = buf[pos++];
            if (c == '\n' || c == '\r') {
                newline(c);
            }
            cbuf[o++] = c;
            emitted++;
            if (c == ']') {
                cdataBrackets++;
            } else {
                if (c == '>' && cdataBrackets >= 2) {
                    state = TEXT;
                    tagEndLine = line;
                    tagEndColumn = emitted - lineStart;
                    return o;
                }
                cdataBrackets = 0;
            }
        }
        return o;
    }

    /** Inside a {@code data} value: moves base64 text into {@link #diverting} until the closing quote. */
    private void divert() {
        while (pos < lim) {
            pos = diverting.appendBase64(buf, pos, lim);
            if (pos == lim) {
                return;
            }
            char c = buf[pos];
            if (c == '\n' || c == '\r') {
                divertedNewlines.append(c);
                diverting.append(buf, pos, pos + 1);
                pos++;
            } else if (c == quote) {
                pos++;
                finishDiversion(true);
                return;
            } else {
                abandonDiversion();
                return;
            }
        }
    }

    /** The parser gets a token (and the value's newlines) in place of the value. */
    private void finishDiversion(boolean closed) {
        long id = nextId++;
        embedded.put(id, diverting);
        diverting = null;
        enqueue(tokenPrefix + id);
        enqueue(divertedNewlines);
        if (closed) {
            enqueue(String.valueOf(quote));
            state = TAG;
        } else {
            state = VALUE;
        }
    }

    /** Not base64 after all: the parser gets the value as it was, and reads on from here. */
    private void abandonDiversion() {
        Embedded e = diverting;
        diverting = null;
        state = VALUE;
        char[] chars = new char[e.length()];
        for (int k = 0; k < chars.length; k++) {
            chars[k] = e.charAt(k);
        }
        enqueue(CharBuffer.wrap(chars));
    }

    private void enqueue(CharSequence s) {
        int n = s.length();
        if (queueTail + n > queue.length) {
            int live = queueTail - queueHead;
            char[] bigger = live + n > queue.length ? new char[Math.max(queue.length * 2, live + n)] : queue;
            System.arraycopy(queue, queueHead, bigger, 0, live);
            queue = bigger;
            queueHead = 0;
            queueTail = live;
        }
        for (int k = 0; k < n; k++) {
            queue[queueTail++] = s.charAt(k);
        }
    }

    private int drainQueue(char[] cbuf, int o, int end) {
        while (o < end && queueHead < queueTail) {
            char c = queue[queueHead++];
            if (c == '\n' || c == '\r') {
                newline(c);
            }
            cbuf[o++] = c;
            emitted++;
        }
        if (queueHead == queueTail) {
            queueHead = 0;
            queueTail = 0;
        }
        return o;
    }

    /** At an '&': rewrites a surrogate character reference, or copies the '&' as it is. */
    private int reference(char[] cbuf, int o, int end) throws IOException {
        ensure(MAX_REF * 2);
        long first = parseReference(pos);
        int value = (int) (first >> 8);
        if (first < 0 || value > 0xFFFF || !Character.isSurrogate((char) value)) {
            cbuf[o++] = '&';
            pos++;
            emitted++;
            return o;
        }
        int length = (int) (first & 0xFF);
        if (Character.isHighSurrogate((char) value)) {
            long second = parseReference(pos + length);
            int low = (int) (second >> 8);
            if (second >= 0 && low <= 0xFFFF && Character.isLowSurrogate((char) low)) {
                pos += length + (int) (second & 0xFF);
                repairedPairs++;
                cbuf[o++] = (char) value;
                emitted++;
                if (o < end) {
                    cbuf[o++] = (char) low;
                    emitted++;
                } else {
                    enqueue(String.valueOf((char) low));
                }
                return o;
            }
        }
        pos += length;
        loneSurrogates++;
        cbuf[o++] = '\uFFFD';
        emitted++;
        return o;
    }

    /**
     * A decimal or hexadecimal character reference at {@code p}: its value shifted left 8 bits, or'ed with its
     * length; -1 when there is none (or it is longer than {@link #MAX_REF}).
     */
    private long parseReference(int p) {
        if (p + 3 >= lim || buf[p] != '&' || buf[p + 1] != '#') {
            return -1;
        }
        int q = p + 2;
        boolean hex = buf[q] == 'x';
        if (hex) {
            q++;
        }
        int digitsStart = q;
        long value = 0;
        int limit = Math.min(lim, p + MAX_REF);
        while (q < limit && buf[q] != ';') {
            char ch = buf[q];
            int d;
            if (ch >= '0' && ch <= '9') {
                d = ch - '0';
            } else if (hex && ch >= 'a' && ch <= 'f') {
                d = ch - 'a' + 10;
            } else if (hex && ch >= 'A' && ch <= 'F') {
                d = ch - 'A' + 10;
            } else {
                return -1;
            }
            value = value * (hex ? 16 : 10) + d;
            if (value > 0x10FFFF) {
                return -1;
            }
            q++;
        }
        if (q >= limit || q == digitsStart) {
            return -1;
        }
        return value << 8 | (q + 1 - p);
    }

    /**
     * The text a {@code data} attribute's value stands for: the diverted base64 when the value is one of this
     * reader's tokens (which it hands over once: later calls give null; tokens before it that nobody asked for
     * are dropped), else the value itself.
     */
    CharSequence embedded(String attributeValue) {
        String v = attributeValue.strip();
        if (!v.startsWith(tokenPrefix)) {
            return attributeValue;
        }
        long id;
        try {
            id = Long.parseLong(v.substring(tokenPrefix.length()));
        } catch (NumberFormatException e) {
            return attributeValue;
        }
        Embedded found = embedded.remove(id);
        for (Iterator<Long> it = embedded.keySet().iterator(); it.hasNext(); ) {
            if (it.next() < id) {
                it.remove();
            }
        }
        return found;
    }

    /** Surrogate-pair references rewritten into the character they encode. */
    long repairedPairs() {
        return repairedPairs;
    }

    /** Lone surrogate references replaced with U+FFFD. */
    long loneSurrogates() {
        return loneSurrogates;
    }

    /** Byte sequences that were not valid in the file's encoding, replaced with U+FFFD. */
    long malformedInputs() {
        return malformedInputs;
    }

    long bytesRead() {
        return bytesRead;
    }

    String charset() {
        return decoder.charset().name();
    }

    /** True once the parser has asked for more and been told the input is over. */
    boolean endReported() {
        return endReported;
    }

    /** True when a parser position is at or after the end of the last tag (the parser reports either). */
    boolean isAfterLastTagEnd(long errorLine, long errorColumn) {
        return errorLine > tagEndLine || errorLine == tagEndLine && errorColumn >= tagEndColumn;
    }

    @Override
    public void close() throws IOException {
        embedded.clear();
        in.close();
    }

    /**
     * Base64 text taken out of the stream: ASCII, so one byte per character, in chunks (no copy of the whole
     * when it grows, no single huge array).
     */
    static final class Embedded implements CharSequence {
        private static final int CHUNK_BITS = 16;
        private static final int CHUNK = 1 << CHUNK_BITS;
        private byte[][] chunks = new byte[1][];
        private int length;

        Embedded() {
            chunks[0] = new byte[256];
        }

        /** Appends ASCII characters. */
        void append(char[] src, int from, int to) {
            for (int k = from; k < to; ) {
                byte[] b = room();
                int at = length & (CHUNK - 1);
                int n = Math.min(to - k, b.length - at);
                for (int j = 0; j < n; j++) {
                    b[at + j] = (byte) src[k + j];
                }
                k += n;
                length += n;
            }
        }

        /** Appends characters while they are base64 (or space or tab); returns where it stopped. */
        int appendBase64(char[] src, int from, int to) {
            int k = from;
            while (k < to) {
                byte[] b = room();
                int at = length & (CHUNK - 1);
                int n = Math.min(to - k, b.length - at);
                // Copy first and check in the same branch-free pass; find the exact stop only if needed.
                int bad = 0;
                for (int j = 0; j < n; j++) {
                    char c = src[k + j];
                    bad |= NOT_BASE64[c & 0x7F] | c >>> 7;
                    b[at + j] = (byte) c;
                }
                if (bad != 0) {
                    int j = 0;
                    while (j < n && src[k + j] < 128 && BASE64[src[k + j]]) {
                        j++;
                    }
                    k += j;
                    length += j;
                    return k;
                }
                k += n;
                length += n;
            }
            return k;
        }

        /** The chunk the next character goes to, with room for at least one. */
        private byte[] room() {
            int chunk = length >>> CHUNK_BITS;
            int at = length & (CHUNK - 1);
            if (chunk == chunks.length) {
                chunks = Arrays.copyOf(chunks, chunks.length * 2);
            }
            byte[] b = chunks[chunk];
            if (b == null) {
                b = chunks[chunk] = new byte[CHUNK];
            } else if (at == b.length) {
                b = chunks[chunk] = Arrays.copyOf(b, Math.min(CHUNK, b.length * 4));
            }
            return b;
        }

        /** Copies {@code n} characters from {@code index} as bytes into {@code dst}. */
        void copy(int index, byte[] dst, int at, int n) {
            while (n > 0) {
                byte[] b = chunks[index >>> CHUNK_BITS];
                int from = index & (CHUNK - 1);
                int k = Math.min(n, CHUNK - from);
                System.arraycopy(b, from, dst, at, k);
                index += k;
                at += k;
                n -= k;
            }
        }

        @Override
        public int length() {
            return length;
        }

        @Override
        public char charAt(int index) {
            return (char) chunks[index >>> CHUNK_BITS][index & (CHUNK - 1)];
        }

        @Override
        public CharSequence subSequence(int start, int end) {
            StringBuilder b = new StringBuilder(end - start);
            for (int k = start; k < end; k++) {
                b.append(charAt(k));
            }
            return b.toString();
        }

        @Override
        public String toString() {
            return subSequence(0, length).toString();
        }
    }
}
