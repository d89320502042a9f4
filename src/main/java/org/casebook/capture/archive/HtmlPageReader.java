package org.casebook.capture.archive;

import java.io.IOException;
import java.io.InputStream;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.InvalidPathException;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.apache.tika.Tika;
import org.casebook.capture.CssUrls;
import org.jsoup.nodes.Element;

/**
 * A page saved as HTML: by a browser ("Webpage, complete": the document plus a {@code <name>_files} folder beside
 * it; "HTML only": the document alone) or by SingleFile (one document, every resource inlined as a
 * {@code data:} URL, and a comment giving the page's address and the date it was saved).
 *
 * <p>Only files inside the page's own {@code _files} folder are read, and only those the document (or a
 * stylesheet in the folder) refers to: a reference that leaves the folder ({@code ..}, an absolute path, a
 * symbolic link) is not followed, and a warning says so. Remote references were not saved and are not fetched.
 */
final class HtmlPageReader {
    /** SingleFile writes {@code <!-- Page saved with SingleFile \n url: … \n saved date: … -->} near the top. */
    static final String SINGLE_FILE_MARK = "Page saved with SingleFile";
    private static final Pattern SINGLE_FILE_COMMENT = Pattern.compile(
            "<!--\\s*(?:Page saved with SingleFile|Archive processed by SingleFile)(.*?)-->", Pattern.DOTALL);
    private static final Pattern SINGLE_FILE_FIELD = Pattern.compile("^\\s*(url|saved date):\\s*(.+?)\\s*$",
            Pattern.MULTILINE);
    /** The "mark of the web" Internet Explorer and Chrome write when they save a page. */
    private static final Pattern SAVED_FROM = Pattern.compile("<!--\\s*saved from url=\\(\\d+\\)(\\S+?)\\s*-->");
    /** JavaScript's Date.toString(), which SingleFile writes: {@code Sat Jan 22 2022 10:51:07 GMT+0100 (…)}. */
    private static final DateTimeFormatter JS_DATE = DateTimeFormatter.ofPattern("EEE MMM dd yyyy HH:mm:ss 'GMT'xx",
            Locale.ROOT);
    /** Attributes that load a resource (not links a reader would follow, such as {@code <a href>}). */
    private static final String RESOURCE_ATTRIBUTES = "img[src], script[src], source[src], video[src], audio[src], "
            + "track[src], embed[src], iframe[src], frame[src], input[src], video[poster], object[data], "
            + "link[href], [background]";

    private static final Tika TIKA = new Tika();

    private HtmlPageReader() {
    }

    static SavedPage read(Path file, SavedPageLimits limits) throws IOException {
        String name = file.getFileName().toString();
        Budget budget = new Budget(limits);
        byte[] bytes;
        try (InputStream in = Files.newInputStream(file)) {
            bytes = budget.document(in, name);
        }
        String head = new String(bytes, 0, Math.min(bytes.length, SavedPages.SNIFF_BYTES), StandardCharsets.ISO_8859_1);
        Matcher single = SINGLE_FILE_COMMENT.matcher(head);
        boolean singleFile = single.find();
        String url = null;
        Instant savedAt = null;
        if (singleFile) {
            Matcher field = SINGLE_FILE_FIELD.matcher(single.group(1));
            while (field.find()) {
                if (field.group(1).equals("url")) {
                    url = field.group(2);
                } else {
                    savedAt = singleFileDate(field.group(2), name, budget);
                }
            }
        } else {
            Matcher savedFrom = SAVED_FROM.matcher(head);
            if (savedFrom.find()) {
                url = savedFrom.group(1);
            }
        }
        HtmlDocument doc = HtmlDocument.parse(bytes, null, url, budget, name);
        List<SavedResource> resources = new ArrayList<>();
        inlined(doc, budget, name, resources);
        if (!singleFile) {
            new Folder(file, budget).collect(doc, resources);
        }
        return new SavedPage(name, singleFile ? SavedPageFormat.SINGLE_FILE : SavedPageFormat.HTML, url, savedAt,
                doc.title(), doc.visibleText(), bytes, doc.charset(), resources, budget.warnings());
    }

    private static Instant singleFileDate(String text, String name, Budget budget) {
        String t = text.replaceAll("\\s*\\(.*\\)\\s*$", "").trim();
        try {
            return OffsetDateTime.parse(t, JS_DATE).toInstant();
        } catch (DateTimeParseException notJs) {
            try {
                return OffsetDateTime.parse(t).toInstant();
            } catch (DateTimeParseException notIso) {
                budget.warn(name + ": SingleFile's saved date \"" + text + "\" is not a date it writes; left out.");
                return null;
            }
        }
    }

    /** Every distinct {@code data:} URL in the document's attributes and styles, decoded. */
    private static void inlined(HtmlDocument doc, Budget budget, String name, List<SavedResource> out) {
        Set<String> seen = new HashSet<>();
        for (String ref : references(doc)) {
            if (!DataUrl.is(ref) || !seen.add(ref)) {
                continue;
            }
            DataUrl data = DataUrl.decode(ref);
            if (data == null) {
                budget.warn(name + ": an inlined resource (" + abbreviate(ref) + ") is not a well-formed data: URL; left out.");
            } else if (!budget.admit(data.bytes())) {
                budget.noteLeftOut(name + ": inlined resource " + abbreviate(ref));
            } else {
                out.add(new SavedResource(null, data.mediaType(), data.bytes()));
            }
        }
    }

    /** Every resource reference in the document: resource attributes, srcset candidates, CSS url(…) and @import. */
    private static List<String> references(HtmlDocument doc) {
        List<String> refs = new ArrayList<>();
        for (Element e : doc.jsoup().select(RESOURCE_ATTRIBUTES)) {
            for (String attr : List.of("src", "poster", "data", "href", "background")) {
                if (e.hasAttr(attr) && !(attr.equals("href") && !e.normalName().equals("link"))) {
                    refs.add(e.attr(attr).trim());
                }
            }
        }
        for (Element e : doc.jsoup().select("[srcset]")) {
            for (String candidate : e.attr("srcset").split(",\\s+")) {
                // a candidate is a URL and an optional width or density descriptor ("photo.png 2x")
                refs.add(candidate.trim().replaceFirst("\\s+[0-9.]+[wxh]$", ""));
            }
        }
        for (Element e : doc.jsoup().select("[style]")) {
            refs.addAll(CssUrls.references(e.attr("style")));
        }
        for (Element e : doc.jsoup().select("style")) {
            refs.addAll(CssUrls.references(e.data()));
        }
        refs.removeIf(String::isEmpty);
        return refs;
    }

    private static String abbreviate(String s) {
        return s.length() <= 60 ? s : s.substring(0, 60) + "…";
    }

    /**
     * The {@code <name>_files} folder a browser saves beside the page. Files are read only when they lie inside
     * it, checked on the normalised path and again on the real path (no symbolic link leads out), and only when
     * the document or one of the folder's stylesheets refers to them.
     */
    private static final class Folder {
        private final Path pageDir;
        private final Path folder;
        private final Path realFolder;
        private final String pageName;
        private final Budget budget;

        Folder(Path file, Budget budget) throws IOException {
            this.pageName = file.getFileName().toString();
            this.pageDir = file.toAbsolutePath().normalize().getParent();
            this.budget = budget;
            String base = pageName.contains(".") ? pageName.substring(0, pageName.lastIndexOf('.')) : pageName;
            Path candidate = pageDir.resolve(base + "_files");
            if (Files.isDirectory(candidate, LinkOption.NOFOLLOW_LINKS)) {
                folder = candidate;
                realFolder = candidate.toRealPath();
            } else {
                folder = null;
                realFolder = null;
            }
        }

        void collect(HtmlDocument doc, List<SavedResource> out) throws IOException {
            Deque<Path[]> todo = new ArrayDeque<>();
            for (String ref : references(doc)) {
                enqueue(ref, pageDir, todo);
            }
            Map<Path, Boolean> done = new LinkedHashMap<>();
            while (!todo.isEmpty()) {
                Path target = todo.poll()[0];
                if (done.put(target, Boolean.TRUE) != null) {
                    continue;
                }
                String url = pageDir.relativize(target).toString().replace('\\', '/');
                String where = pageName + ", " + url;
                if (!Files.exists(target, LinkOption.NOFOLLOW_LINKS)) {
                    budget.warn(where + ": referred to by the page but not in its folder.");
                    continue;
                }
                if (!Files.isRegularFile(target, LinkOption.NOFOLLOW_LINKS) || !target.toRealPath().startsWith(realFolder)) {
                    budget.warn(where + ": not a plain file inside the page's folder (a link or a folder); not read.");
                    continue;
                }
                byte[] bytes;
                try (InputStream in = Files.newInputStream(target, LinkOption.NOFOLLOW_LINKS)) {
                    bytes = budget.resource(in, where);
                }
                if (bytes == null) {
                    continue;
                }
                String type = TIKA.detect(bytes, target.getFileName().toString());
                out.add(new SavedResource(url, type, bytes));
                if (type.equals("text/css")) {
                    for (String ref : CssUrls.references(new String(bytes, StandardCharsets.UTF_8))) {
                        enqueue(ref, target.getParent(), todo);
                    }
                }
            }
        }

        /** Queues a reference relative to {@code base} when it names a file inside the folder; warns when it leaves. */
        private void enqueue(String ref, Path base, Deque<Path[]> todo) {
            if (ref.isEmpty() || DataUrl.is(ref) || ref.startsWith("#") || ref.startsWith("//")
                    || ref.matches("^[A-Za-z][A-Za-z0-9+.-]*:.*") && !ref.regionMatches(true, 0, "file:", 0, 5)) {
                return; // inlined, a fragment, or remote: nothing saved on disk
            }
            String path = ref.replaceAll("[?#].*$", "");
            try {
                path = URLDecoder.decode(path.replace("+", "%2B"), StandardCharsets.UTF_8);
            } catch (IllegalArgumentException e) {
                // a lone % is a literal character in a saved file name
            }
            if (folder == null || path.regionMatches(true, 0, "file:", 0, 5) || path.startsWith("/")
                    || path.startsWith("\\") || path.matches("^[A-Za-z]:.*") || path.indexOf('\0') >= 0) {
                if (folder == null && !path.regionMatches(true, 0, "file:", 0, 5) && !path.startsWith("/")) {
                    return; // an "HTML only" save: relative references were never saved
                }
                budget.warn(pageName + ": refers to " + abbreviate(ref) + ", outside the page's folder; not read.");
                return;
            }
            Path target;
            try {
                target = base.resolve(path.replace('\\', '/')).normalize();
            } catch (InvalidPathException e) {
                budget.warn(pageName + ": refers to " + abbreviate(ref) + ", not a file name here; not read.");
                return;
            }
            if (!target.startsWith(folder) || target.equals(folder)) {
                budget.warn(pageName + ": refers to " + abbreviate(ref) + ", outside the page's folder; not read.");
                return;
            }
            todo.add(new Path[] {target});
        }
    }
}
