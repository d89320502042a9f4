import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.net.URI;
import java.nio.file.FileSystem;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.PosixFileAttributeView;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.spi.ToolProvider;
import java.util.stream.Stream;

/**
 * Builds Casebook's native packages with the JDK's own jlink and jpackage: a trimmed Java runtime, the app-image
 * (a folder that runs with nothing installed), the platform's installer and a portable zip. A single-file program
 * ({@code java installer/Installer.java …}) so that the same steps run on Linux, Windows and macOS without a
 * shell, from Maven's {@code installer} profile and from the app-image test alike.
 *
 * <pre>
 * java installer/Installer.java --jar target/casebook.jar --version 0.1.0 --dest target/installer
 *      [--type app-image|deb|rpm|msi|dmg|pkg|auto] [--discreet] [--portable] [--work target/installer-work]
 *      [--input DIR --main-jar NAME]   (instead of --jar: a folder of jars, the main one named)
 * </pre>
 */
public final class Installer {
    /**
     * The JDK modules the app needs, from {@code jdeps --print-module-deps} on the shaded jar plus those only
     * reached at run time, which jdeps cannot see: jdk.crypto.ec (TLS for web capture), jdk.charsets (exports in
     * legacy encodings), jdk.localedata (en-GB, for Locale.UK), jdk.zipfs (zip exports), jdk.jsobject and
     * jdk.xml.dom (WebView), and java.security.jgss (a proxy that asks for Kerberos). No class in the app-image's
     * jar names java.management, java.scripting or java.xml.crypto, and only an ICU documentation tool
     * java.compiler: leaving those four out keeps 1.4 MB out of the runtime.
     */
    static final List<String> MODULES = List.of("java.base", "java.desktop", "java.logging", "java.naming",
            "java.net.http", "java.prefs", "java.security.jgss", "java.sql", "java.xml", "jdk.charsets",
            "jdk.crypto.ec", "jdk.jsobject", "jdk.localedata", "jdk.net", "jdk.unsupported", "jdk.xml.dom",
            "jdk.zipfs");
    static final String MAIN_CLASS = "org.casebook.Launcher";
    /**
     * ICU4J data the app never reads: it uses ICU only for bidi, Arabic shaping, line and grapheme breaks,
     * normalisation, character properties, charset detection and a zone's region (org.casebook.bundle.text,
     * MatchText, TextDecoding, SenderMatch). Collation, transliteration, spelled-out numbers, units, currencies,
     * and the names of languages, regions and time zones are 8 MB of the package (a zone's region comes from
     * zoneinfo64, which stays). Whoever starts using one of those in ICU must remove it here.
     */
    static final List<String> UNUSED_ICU_DATA = List.of("coll/", "translit/", "rbnf/", "unit/", "curr/", "lang/",
                    "region/", "zone/")
            .stream().map(folder -> "com/ibm/icu/impl/data/icudata/" + folder).toList();
    /**
     * ICU's data for each locale but English and the root (dates, numbers, names: 1.2 MB in 833 files): the app
     * asks ICU for nothing in a language, only for the root's breaks (LineBreaker) and locale-free properties.
     */
    static final java.util.regex.Pattern OTHER_LOCALES_DATA =
            java.util.regex.Pattern.compile("com/ibm/icu/impl/data/icudata/(?!en|root\\.|res_index\\.)[a-z]{2,3}(_[A-Za-z0-9]+)*\\.res");
    /**
     * The DejaVu faces the bundle embeds (org.casebook.bundle.text.FontSet): the font jar's other 17 faces are
     * 4 MB nobody reads. InstallerSlimTest fails when FontSet names a face that is not kept here.
     */
    static final List<String> KEPT_DEJAVU = List.of("DejaVuSans.ttf", "DejaVuSans-Bold.ttf", "DejaVuSansMono.ttf")
            .stream().map(face -> "net/sf/jasperreports/fonts/dejavu/" + face).toList();
    /** Fixed for good: Windows upgrades an installed Casebook (rather than adding a second) only if it matches. */
    static final String WINDOWS_UPGRADE_UUID = "6f0b7f2e-4c1d-4d7b-9b57-3c1a0e5d2a91";
    /** Fixed for good, like the upgrade code: Windows tracks the PATH entry (and removes it) by this component. */
    static final String WINDOWS_PATH_COMPONENT_GUID = "3d7c9a52-8e41-4b6f-a0d2-5f19c4e7b803";
    /** The install folder's subfolder that holds only the command-line script and goes on PATH. */
    static final String WINDOWS_COMMAND_DIR = "bin";

    private final Path root;
    private final Map<String, String> opts;
    private final boolean discreet;
    private final String os = System.getProperty("os.name").toLowerCase(Locale.ROOT);

    Installer(Path root, Map<String, String> opts) {
        this.root = root;
        this.opts = opts;
        this.discreet = opts.containsKey("discreet") && !"false".equals(opts.get("discreet"));
    }

    public static void main(String[] args) throws Exception {
        Map<String, String> opts = new java.util.LinkedHashMap<>();
        for (int i = 0; i < args.length; i++) {
            if (!args[i].startsWith("--")) {
                throw new IllegalArgumentException("unexpected argument: " + args[i]);
            }
            String key = args[i].substring(2);
            boolean flag = i + 1 >= args.length || args[i + 1].startsWith("--");
            opts.put(key, flag ? "true" : args[++i]);
        }
        Path root = Path.of(System.getProperty("installer.root", ".")).toAbsolutePath().normalize();
        new Installer(root, opts).run();
    }

    void run() throws IOException {
        Path dest = absolute(opts.getOrDefault("dest", "target/installer"));
        Path work = absolute(opts.getOrDefault("work", dest.getParent().resolve("installer-work").toString()));
        String type = opts.getOrDefault("type", "auto");
        if (type.equals("auto")) {
            type = isWindows() ? "msi" : isMac() ? "dmg" : "deb";
        }
        Path runtime = runtime(work);
        Path image = appImage(work, runtime, dest);
        System.out.println("app-image: " + image + " (" + size(image) + ")");
        if (!type.equals("app-image")) {
            Path pkg = installer(type, image, work, dest);
            System.out.println(type + ": " + pkg + " (" + size(pkg) + ")");
        }
        if (opts.containsKey("portable")) {
            Path zip = portableZip(image, work, dest);
            System.out.println("portable: " + zip + " (" + size(zip) + ")");
        }
    }

    String name() {
        return discreet ? "Notes" : "Casebook";
    }

    /** The command on the PATH and the Linux package: the discreet build's must not say "casebook" either. */
    String command() {
        return discreet ? "notes-private" : "casebook";
    }

    /** The trimmed runtime, made once per work folder (jlink is the slow step and its input never changes). */
    Path runtime(Path work) throws IOException {
        Path runtime = work.resolve("runtime");
        Path done = work.resolve("runtime.modules");
        String wanted = String.join(",", MODULES);
        String recipe = wanted + " en,en-GB stripped cds strip";
        if (Files.isDirectory(runtime) && Files.isRegularFile(done) && Files.readString(done).equals(recipe)) {
            return runtime;
        }
        deleteTree(runtime);
        Files.createDirectories(work);
        // Only English locale data: the app formats with Locale.UK and Locale.ROOT, and the other locales are a
        // sixth of the runtime. The class-data archive (CDS) is what makes the packaged app start as fast as the
        // jar on a full JDK; without it every JDK class is loaded and verified afresh at each start (2–3 s).
        List<String> args = new ArrayList<>(List.of("--add-modules", wanted, "--include-locales=en,en-GB",
                "--strip-debug", "--no-header-files", "--no-man-pages", "--compress=2", "--generate-cds-archive",
                "--output", runtime.toString()));
        tool("jlink", args.toArray(String[]::new));
        // The launcher's -Xmx1g always uses compressed pointers: the archive for the other mode is never read.
        Files.deleteIfExists(runtime.resolve("lib/server/classes_nocoops.jsa"));
        if (!isWindows() && !isMac() && onPath("strip")) {
            // Debian's JDK ships libjvm.so with its symbol table: 4 MB nobody running the app needs (jlink's
            // --strip-native-debug-symbols removes only debug sections). The class-data archive stays valid.
            try (Stream<Path> libs = Files.walk(runtime.resolve("lib"))) {
                for (Path lib : (Iterable<Path>) libs.filter(p -> p.toString().endsWith(".so"))::iterator) {
                    run("strip", "--strip-unneeded", lib.toString());
                }
            }
        }
        Files.writeString(done, recipe);
        return runtime;
    }

    Path appImage(Path work, Path runtime, Path dest) throws IOException {
        Path input;
        String mainJar;
        List<Path> jars = new ArrayList<>();
        if (opts.containsKey("jar")) {
            jars.add(absolute(opts.get("jar")));
            mainJar = jars.get(0).getFileName().toString();
        } else {
            try (Stream<Path> given = Files.list(absolute(require("input")))) {
                given.forEach(jars::add);
            }
            mainJar = require("main-jar");
        }
        input = work.resolve("input");
        deleteTree(input);
        Files.createDirectories(input);
        for (Path jar : jars) {
            slim(jar, input.resolve(jar.getFileName()));
        }
        Path image = dest.resolve(isMac() ? name() + ".app" : name());
        deleteTree(image);
        Files.createDirectories(dest);
        List<String> args = new ArrayList<>(List.of("--type", "app-image", "--dest", dest.toString(),
                "--name", name(), "--app-version", require("version"),
                "--vendor", discreet ? "Notes" : "Casebook",
                "--description", description(),
                "--input", input.toString(), "--main-jar", mainJar, "--main-class", MAIN_CLASS,
                "--runtime-image", runtime.toString(),
                "--icon", icon(discreet ? "discreet" : "casebook").toString()));
        for (String option : javaOptions()) {
            args.add("--java-options");
            args.add(option);
        }
        if (isWindows()) {
            // A GUI program on Windows has no console to print to: the command line gets its own launcher.
            Path props = work.resolve(command() + "-cli.properties");
            Files.writeString(props, "win-console=true\n");
            args.addAll(List.of("--add-launcher", command() + "-cli=" + props));
        }
        tool("jpackage", args.toArray(String[]::new));
        if (isWindows()) {
            // The command the .msi puts on PATH. In a folder of its own: Windows names ignore case and try .exe
            // before .cmd, so beside Casebook.exe, typing `casebook` would start the windowed launcher instead.
            Path bin = Files.createDirectories(image.resolve(WINDOWS_COMMAND_DIR));
            Files.writeString(bin.resolve(command() + ".cmd"), "@\"%~dp0..\\" + command() + "-cli.exe\" %*\r\n");
        }
        return image;
    }

    /**
     * Copies a jar without the native libraries of other systems (the JDBC driver carries SQLite for 24 platforms,
     * JNA its dispatcher for 20: an installer runs on one, and they are a tenth of the app's size) and without
     * the ICU data and fonts the app never reads. On Linux this system's own libraries of SQLite and of JavaFX
     * (but WebKit, 121 MB unpacked, kept compressed in the jar for the first web capture) are written beside the
     * jar instead, where the app loads them from: a jar's native library is otherwise unpacked at every start into
     * the temp folder (SQLite, left there for good when the app is killed) or the home folder (JavaFX's
     * {@code ~/.openjfx}), a trace of the app on the computer.
     */
    void slim(Path from, Path to) throws IOException {
        if (!from.getFileName().toString().endsWith(".jar")) {
            Files.copy(from, to);
            return;
        }
        String sqlite = "org/sqlite/native/" + (isWindows() ? "Windows" : isMac() ? "Mac" : "Linux") + "/"
                + (arch().equals("x64") ? "x86_64" : "aarch64") + "/";
        String jna = "com/sun/jna/" + (isWindows() ? "win32" : isMac() ? "darwin" : "linux") + "-"
                + (arch().equals("x64") ? "x86-64" : "aarch64") + "/";
        java.util.function.Predicate<String> foreign = name ->
                name.startsWith("org/sqlite/native/") && !name.startsWith(sqlite)
                || name.startsWith("com/sun/jna/") && name.contains("jnidispatch") && !name.startsWith(jna)
                || unusedByTheApp(name);
        java.util.function.Predicate<String> beside = name -> !isWindows() && !isMac()
                && (name.startsWith(sqlite) && name.endsWith(".so") || javafxLibrary(name));
        try (java.util.zip.ZipFile zip = new java.util.zip.ZipFile(from.toFile())) {
            if (zip.stream().noneMatch(e -> foreign.test(e.getName()) || beside.test(e.getName()))) {
                Files.copy(from, to);
                return;
            }
        }
        try (java.util.zip.ZipFile zip = new java.util.zip.ZipFile(from.toFile());
             java.util.zip.ZipOutputStream out = new java.util.zip.ZipOutputStream(Files.newOutputStream(to))) {
            java.util.Set<String> written = new java.util.HashSet<>();
            for (var entries = zip.entries(); entries.hasMoreElements(); ) {
                java.util.zip.ZipEntry entry = entries.nextElement();
                String name = entry.getName();
                if (foreign.test(name) || !written.add(name)) {
                    continue;
                }
                if (beside.test(name)) {
                    try (java.io.InputStream in = zip.getInputStream(entry)) {
                        Files.copy(in, to.resolveSibling(name.substring(name.lastIndexOf('/') + 1)),
                                StandardCopyOption.REPLACE_EXISTING);
                    }
                    continue;
                }
                java.util.zip.ZipEntry copy = new java.util.zip.ZipEntry(name);
                copy.setTime(entry.getTime());
                out.putNextEntry(copy);
                try (java.io.InputStream in = zip.getInputStream(entry)) {
                    in.transferTo(out);
                }
                out.closeEntry();
            }
        }
    }

    /** A JavaFX native library at the root of a jar (Linux), but WebKit's: see {@link #slim}. */
    static boolean javafxLibrary(String entry) {
        return entry.indexOf('/') < 0 && entry.startsWith("lib") && entry.endsWith(".so")
                && !entry.startsWith("libjfxwebkit");
    }

    /** ICU data and fonts the app never reads, on every platform (UNUSED_ICU_DATA, OTHER_LOCALES_DATA, KEPT_DEJAVU). */
    static boolean unusedByTheApp(String entry) {
        return UNUSED_ICU_DATA.stream().anyMatch(entry::startsWith) || OTHER_LOCALES_DATA.matcher(entry).matches()
                || entry.startsWith("net/sf/jasperreports/fonts/dejavu/") && entry.endsWith(".ttf")
                && !KEPT_DEJAVU.contains(entry);
    }

    String arch() {
        String arch = System.getProperty("os.arch");
        return arch.equals("amd64") || arch.equals("x86_64") ? "x64" : arch;
    }

    List<String> javaOptions() {
        List<String> options = new ArrayList<>(List.of("-Xmx1g", "-Dprism.lcdtext=false"));
        if (!isWindows() && !isMac()) {
            // SQLite's library, written beside the jar by slim(): loaded from there, never unpacked to the temp folder
            options.add("-Dorg.sqlite.lib.path=$APPDIR");
            options.add("-Dorg.sqlite.lib.name=libsqlitejdbc.so");
        }
        if (discreet) {
            // The app starts with its neutral title and icon; the person can still change it in Settings.
            options.add("-Dcasebook.discreet=true");
        }
        return options;
    }

    String description() {
        return discreet ? "Notes" : "Offline evidence vault and court bundle builder";
    }

    Path installer(String type, Path image, Path work, Path dest) throws IOException {
        Path resources = work.resolve("resources-" + type);
        deleteTree(resources);
        Files.createDirectories(resources);
        String pkgName = command();
        List<String> args = new ArrayList<>(List.of("--type", type, "--dest", dest.toString(),
                "--app-image", image.toString(), "--name", name(), "--app-version", require("version"),
                "--vendor", discreet ? "Notes" : "Casebook", "--description", description(),
                "--file-associations", fileAssociation(work).toString(),
                "--resource-dir", resources.toString()));
        switch (type) {
            case "deb", "rpm" -> {
                String launcher = "/opt/" + pkgName + "/bin/" + name();
                for (String template : type.equals("deb") ? List.of("postinst", "prerm") : List.of("package.spec")) {
                    String text = Files.readString(root.resolve("installer/linux/" + template))
                            .replace("@LAUNCHER@", launcher).replace("@COMMAND@", "/usr/bin/" + pkgName);
                    Files.writeString(resources.resolve(template.equals("package.spec") ? pkgName + ".spec" : template), text);
                }
                Files.copy(icon(discreet ? "discreet" : "casebook"), resources.resolve(name() + ".png"));
                // jpackage 17's menu entry passes no file to the app: "%f" makes a double-clicked vault open in it.
                Files.copy(root.resolve("installer/linux/launcher.desktop"), resources.resolve(name() + ".desktop"));
                args.addAll(List.of("--install-dir", "/opt", "--linux-package-name", pkgName,
                        "--linux-shortcut", "--linux-menu-group", "Office", "--linux-app-category", "office",
                        "--linux-app-release", "1", "--icon", icon(discreet ? "discreet" : "casebook").toString()));
                if (type.equals("deb")) {
                    args.addAll(List.of("--linux-deb-maintainer", "casebook@localhost"));
                }
            }
            case "msi" -> {
                Files.writeString(resources.resolve("main.wxs"), withCommandOnPath(jpackageTemplate("main.wxs")));
                args.addAll(List.of("--win-menu", "--win-menu-group", name(), "--win-shortcut", "--win-dir-chooser",
                        "--win-upgrade-uuid", WINDOWS_UPGRADE_UUID, "--icon", icon(discreet ? "discreet" : "casebook").toString()));
            }
            case "dmg", "pkg" -> {
                if (type.equals("pkg")) {
                    // A .dmg is only dragged to Applications; the .pkg installer can run a script that links the command.
                    Path script = resources.resolve("postinstall");
                    Files.writeString(script, withCommandLink(jpackageTemplate("postinstall.template"), name(), command()));
                    script.toFile().setExecutable(true, false);
                }
                args.addAll(List.of("--mac-package-name", name(),
                        "--mac-package-identifier", discreet ? "org.notes.private" : "org.casebook.app",
                        "--icon", icon(discreet ? "discreet" : "casebook").toString()));
            }
            default -> throw new IllegalArgumentException("unknown installer type: " + type);
        }
        try (Stream<Path> before = Files.list(dest)) {
            List<Path> old = before.filter(p -> p.getFileName().toString().endsWith("." + type)).toList();
            for (Path p : old) {
                Files.delete(p);
            }
        }
        if (type.equals("deb")) {
            // dpkg-deb's default xz spends minutes on what is mostly compressed already (the jar, the runtime's
            // modules): measured, xz -9 made 130.0 MB of gzip's 134.6 MB (3.4% less) for 3 minutes of CPU.
            runJpackage(args, Map.of("DPKG_DEB_COMPRESSOR_TYPE", "gzip"));
        } else {
            tool("jpackage", args.toArray(String[]::new));
        }
        Path made;
        try (Stream<Path> files = Files.list(dest)) {
            made = files.filter(p -> p.getFileName().toString().endsWith("." + type)).findFirst()
                    .orElseThrow(() -> new IllegalStateException("jpackage made no ." + type));
        }
        if (type.equals("deb")) {
            checkDeb(made, pkgName);
        }
        return made;
    }

    /**
     * The package holds what the desktop needs, or the build fails: the menu entry (with the MIME type, so a
     * double-clicked vault opens in the app), the MIME type definition, the file icon, and the scripts that
     * register them and put `casebook` on the PATH.
     */
    void checkDeb(Path deb, String pkgName) throws IOException {
        String contents = run("dpkg-deb", "--contents", deb.toString());
        String lib = "./opt/" + pkgName + "/lib/";
        for (String wanted : List.of(lib + pkgName + "-" + name() + ".desktop",
                lib + pkgName + "-" + name() + "-MimeInfo.xml", lib + "application-x-casebook.png",
                "./opt/" + pkgName + "/bin/" + name())) {
            if (!contents.contains(wanted)) {
                throw new IllegalStateException(deb + " lacks " + wanted + ":\n" + contents);
            }
        }
        String desktop = run("sh", "-c", "dpkg-deb --fsys-tarfile \"$0\" | tar -xOf - \"$1\"", deb.toString(),
                lib + pkgName + "-" + name() + ".desktop");
        String mime = run("sh", "-c", "dpkg-deb --fsys-tarfile \"$0\" | tar -xOf - \"$1\"", deb.toString(),
                lib + pkgName + "-" + name() + "-MimeInfo.xml");
        String postinst = run("dpkg-deb", "--info", deb.toString(), "postinst");
        check(desktop.contains("Name=" + name()) && desktop.contains("MimeType=application/x-casebook")
                && desktop.contains("Exec=/opt/" + pkgName + "/bin/" + name() + " %f"),
                "desktop entry", desktop);
        check(mime.contains("application/x-casebook") && mime.contains("*.casebook"), "MIME type", mime);
        check(postinst.contains("xdg-mime install") && postinst.contains("ln -sf \"/opt/" + pkgName + "/bin/"
                + name() + "\" \"/usr/bin/" + pkgName + "\""), "postinst", postinst);
        System.out.println("deb checked: menu entry, MIME type application/x-casebook, file icon, " + pkgName
                + " on PATH");
    }

    /**
     * One of jpackage's own templates from this JDK (WiX's main file, the macOS installer scripts), read from the
     * JDK's module image so that it always matches the jpackage that fills it in: jpackage takes only whole files.
     */
    static String jpackageTemplate(String name) throws IOException {
        FileSystem jrt = FileSystems.getFileSystem(URI.create("jrt:/"));
        return Files.readString(jrt.getPath("/modules/jdk.jpackage/jdk/jpackage/internal/resources/" + name));
    }

    /**
     * The macOS .pkg's script after installing, with the command linked into /usr/local/bin (on the PATH of every
     * macOS shell; Apple silicon Macs start without the folder). macOS runs it with the install folder as $2.
     */
    static String withCommandLink(String postinstall, String app, String command) {
        int exit = postinstall.lastIndexOf("exit 0");
        if (exit < 0) {
            throw new IllegalStateException("this jpackage's postinstall has no \"exit 0\": installer/Installer.java"
                    + " must learn where to add the command");
        }
        String link = """
                # %2$s on the PATH: a link to the app's own launcher, which runs the command line when given a command.
                mkdir -p /usr/local/bin
                ln -sf "$2/%1$s.app/Contents/MacOS/%1$s" "/usr/local/bin/%2$s"

                """.formatted(app, command);
        return postinstall.substring(0, exit) + link + postinstall.substring(exit);
    }

    /**
     * The WiX main file with one more component in the default feature: the install folder's {@code bin} (which
     * holds only {@code casebook.cmd}) added to the end of PATH, for everyone when the install is per machine
     * and for the user otherwise, and removed again on uninstall. Fails rather than build an .msi without it.
     */
    static String withCommandOnPath(String mainWxs) {
        String featureAnchor = "<ComponentGroupRef Id=\"FileAssociations\"/>";
        String end = "</Wix>";
        if (!mainWxs.contains(featureAnchor) || !mainWxs.contains(end)) {
            throw new IllegalStateException("this jpackage's main.wxs has no " + featureAnchor + " in its feature:"
                    + " installer/Installer.java must learn where to add the PATH entry");
        }
        String entry = "<Environment Id=\"CasebookCommandOnPath\" Name=\"PATH\" Value=\"[INSTALLDIR]"
                + WINDOWS_COMMAND_DIR + "\" Action=\"set\" Part=\"last\" Permanent=\"no\" System=\"%s\"/>";
        String component = """
                  <Fragment>
                    <DirectoryRef Id="INSTALLDIR">
                      <Component Id="CasebookCommandOnPath" Guid="%s" KeyPath="yes">
                        <?ifdef JpIsSystemWide ?>
                        %s
                        <?else?>
                        %s
                        <?endif?>
                      </Component>
                    </DirectoryRef>
                  </Fragment>
                """.formatted(WINDOWS_PATH_COMPONENT_GUID, entry.formatted("yes"), entry.formatted("no"));
        int last = mainWxs.lastIndexOf(end);
        return mainWxs.substring(0, last).replace(featureAnchor,
                featureAnchor + "\n      <ComponentRef Id=\"CasebookCommandOnPath\"/>") + component + mainWxs.substring(last);
    }

    /** jpackage in its own process, for the environment it passes to the platform's packaging tool. */
    void runJpackage(List<String> args, Map<String, String> env) throws IOException {
        List<String> command = new ArrayList<>();
        command.add(Path.of(System.getProperty("java.home"), "bin", "jpackage").toString());
        command.addAll(args);
        ProcessBuilder pb = new ProcessBuilder(command).redirectErrorStream(true);
        pb.environment().putAll(env);
        Process p = pb.start();
        String out = new String(p.getInputStream().readAllBytes(), java.nio.charset.StandardCharsets.UTF_8);
        try {
            if (p.waitFor() != 0) {
                throw new IllegalStateException("jpackage failed: " + String.join(" ", args) + "\n" + out);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IOException(e);
        }
    }

    static boolean onPath(String program) {
        for (String dir : System.getenv().getOrDefault("PATH", "").split(java.io.File.pathSeparator)) {
            if (Files.isExecutable(Path.of(dir, program))) {
                return true;
            }
        }
        return false;
    }

    static void check(boolean ok, String what, String text) {
        if (!ok) {
            throw new IllegalStateException("the package's " + what + " is not as expected:\n" + text);
        }
    }

    static String run(String... command) throws IOException {
        Process p = new ProcessBuilder(command).redirectErrorStream(true).start();
        String out = new String(p.getInputStream().readAllBytes(), java.nio.charset.StandardCharsets.UTF_8);
        try {
            if (p.waitFor() != 0) {
                throw new IllegalStateException(String.join(" ", command) + " failed:\n" + out);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IOException(e);
        }
        return out;
    }

    Path fileAssociation(Path work) throws IOException {
        Path props = work.resolve("casebook-file.properties");
        // Linux installs the file icon as 128 px (xdg-icon-resource --size 128).
        String iconName = (discreet ? "discreet" : "casebook-file") + (isWindows() || isMac() ? "" : "-128");
        // Forward slashes: the file is read as Java properties, where a backslash is an escape.
        Files.writeString(props, "extension=casebook\n"
                + "mime-type=application/x-casebook\n"
                + "description=" + (discreet ? "Notes file" : "Casebook vault") + "\n"
                + "icon=" + icon(iconName).toString().replace('\\', '/') + "\n");
        return props;
    }

    /** The icon file this platform's jpackage takes: .ico on Windows, .icns on macOS, a PNG elsewhere. */
    Path icon(String base) {
        String ext = isWindows() ? ".ico" : isMac() ? ".icns" : ".png";
        return root.resolve("icons").resolve(base + ext);
    }

    /**
     * The portable copy: the app-image with its settings, temporary files and every library cache kept in a
     * {@code data} folder beside the launcher, zipped with the launcher's execute bit kept. Java's properties
     * reach every library that asks for the home or temporary folder; the app keeps its settings there too.
     */
    Path portableZip(Path image, Path work, Path dest) throws IOException {
        Path copy = work.resolve("portable").resolve(image.getFileName());
        deleteTree(copy.getParent());
        copyTree(image, copy);
        // From $APPDIR (the folder holding the .cfg) up to the folder the person unzipped.
        String up = isWindows() ? "$APPDIR/.." : isMac() ? "$APPDIR/../../.." : "$APPDIR/../..";
        String data = up + "/" + (isMac() ? name() + " data" : "data");
        List<String> extra = List.of(
                "-Dcasebook.portable=" + data,
                "-Duser.home=" + data + "/home",
                "-Djava.io.tmpdir=" + data + "/tmp",
                "-Djna.tmpdir=" + data + "/tmp",
                "-Djavafx.cachedir=" + data + "/tmp/javafx",
                "-Djava.util.prefs.userRoot=" + data + "/home",
                "-Djava.util.prefs.systemRoot=" + data + "/home");
        Path appDir;
        try (Stream<Path> files = Files.walk(copy)) {
            appDir = files.filter(p -> p.getFileName().toString().equals(name() + ".cfg")).findFirst()
                    .orElseThrow(() -> new IllegalStateException("no " + name() + ".cfg in " + copy)).getParent();
        }
        // Every launcher's: on Windows the command line has its own (casebook-cli.cfg), which must stay portable too.
        try (Stream<Path> files = Files.list(appDir)) {
            for (Path cfg : (Iterable<Path>) files.filter(p -> p.getFileName().toString().endsWith(".cfg"))::iterator) {
                StringBuilder lines = new StringBuilder();
                for (String line : Files.readAllLines(cfg)) {
                    lines.append(line).append('\n');
                    if (line.strip().equals("[JavaOptions]")) {
                        extra.forEach(option -> lines.append("java-options=").append(option).append('\n'));
                    }
                }
                Files.writeString(cfg, lines);
            }
        }
        Path dataDir = isMac() ? copy.resolveSibling(name() + " data") : copy.resolve("data");
        Files.createDirectories(dataDir.resolve("home"));
        Files.createDirectories(dataDir.resolve("tmp"));
        Files.writeString(dataDir.resolve("README.txt"), "This folder holds " + name() + "'s settings and"
                + " temporary files, so that nothing is written to the computer it runs on.\n"
                + "A vault can be kept here too. Delete the whole folder to leave no trace.\n");
        String platform = (isWindows() ? "windows" : isMac() ? "macos" : "linux") + "-"
                + arch();
        Path zip = dest.resolve(name() + "-" + require("version") + "-portable-" + platform + ".zip");
        Files.deleteIfExists(zip);
        zipTree(copy.getParent(), zip);
        return zip;
    }

    static void zipTree(Path folder, Path zip) throws IOException {
        Map<String, Object> env = Map.of("create", "true", "enablePosixFileAttributes", "true");
        try (FileSystem fs = FileSystems.newFileSystem(URI.create("jar:" + zip.toUri()), env);
             Stream<Path> files = Files.walk(folder)) {
            for (Path p : (Iterable<Path>) files.sorted()::iterator) {
                String rel = folder.relativize(p).toString().replace('\\', '/');
                if (rel.isEmpty()) {
                    continue;
                }
                Path target = fs.getPath(rel);
                if (Files.isDirectory(p, LinkOption.NOFOLLOW_LINKS)) {
                    Files.createDirectories(target);
                } else {
                    Files.copy(p, target);
                }
                PosixFileAttributeView view = Files.getFileAttributeView(p, PosixFileAttributeView.class);
                if (view != null) {
                    Files.setPosixFilePermissions(target, view.readAttributes().permissions());
                }
            }
        }
    }

    void tool(String name, String... args) {
        ToolProvider tool = ToolProvider.findFirst(name)
                .orElseThrow(() -> new IllegalStateException(name + " is not in this JDK (it needs a full JDK 17+)"));
        StringWriter out = new StringWriter();
        PrintWriter writer = new PrintWriter(out, true);
        int rc = tool.run(writer, writer, args);
        if (rc != 0) {
            throw new IllegalStateException(name + " failed (" + rc + "): " + String.join(" ", args) + "\n" + out);
        }
        if (opts.containsKey("verbose")) {
            System.out.print(out);
        }
    }

    String require(String key) {
        String value = opts.get(key);
        if (value == null || value.equals("true")) {
            throw new IllegalArgumentException("--" + key + " is required");
        }
        return value;
    }

    Path absolute(String path) {
        return root.resolve(path).toAbsolutePath().normalize();
    }

    boolean isWindows() {
        return os.startsWith("windows");
    }

    boolean isMac() {
        return os.startsWith("mac");
    }

    /** A file's or folder's size in both units: the size limits are in MB, file managers often show MiB. */
    static String size(Path p) throws IOException {
        long bytes;
        try (Stream<Path> files = Files.walk(p)) {
            bytes = files.filter(Files::isRegularFile).mapToLong(f -> {
                try {
                    return Files.size(f);
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                }
            }).sum();
        }
        return String.format(Locale.ROOT, "%.1f MB, %.1f MiB", bytes / 1e6, bytes / 1_048_576.0);
    }

    static void copyTree(Path from, Path to) throws IOException {
        try (Stream<Path> files = Files.walk(from)) {
            for (Path p : (Iterable<Path>) files::iterator) {
                Path target = to.resolve(from.relativize(p).toString());
                if (Files.isDirectory(p, LinkOption.NOFOLLOW_LINKS)) {
                    Files.createDirectories(target);
                } else {
                    Files.copy(p, target, StandardCopyOption.COPY_ATTRIBUTES, LinkOption.NOFOLLOW_LINKS);
                }
            }
        }
    }

    static void deleteTree(Path p) throws IOException {
        if (!Files.exists(p, LinkOption.NOFOLLOW_LINKS)) {
            return;
        }
        try (Stream<Path> files = Files.walk(p)) {
            for (Path f : (Iterable<Path>) files.sorted(Comparator.reverseOrder())::iterator) {
                Files.delete(f);
            }
        }
    }
}
