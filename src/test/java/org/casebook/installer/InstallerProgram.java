package org.casebook.installer;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.file.Files;
import java.nio.file.Path;
import javax.tools.ToolProvider;
import org.casebook.Launcher;

/**
 * installer/Installer.java (a single-file program, not on the test class path) compiled once per test run, so
 * that tests can call its rules directly where running it whole would need another system (WiX) or minutes.
 */
final class InstallerProgram {
    private static Class<?> installer;

    private InstallerProgram() {
    }

    /** Calls one of Installer's static methods, rethrowing what it threw. */
    static Object call(String method, Class<?>[] types, Object... args) throws Throwable {
        Method m = load().getDeclaredMethod(method, types);
        m.setAccessible(true);
        try {
            return m.invoke(null, args);
        } catch (InvocationTargetException e) {
            throw e.getCause();
        }
    }

    private static synchronized Class<?> load() throws Exception {
        if (installer == null) {
            // In the build folder, so that nothing is left in the temporary folder; one per test JVM, as the
            // suite's forks run at the same time and must not load a class file another is still writing.
            Path built = Path.of(Launcher.class.getProtectionDomain().getCodeSource().getLocation().toURI());
            Path classes = Files.createDirectories(built.getParent()
                    .resolve("installer-classes-" + ProcessHandle.current().pid()));
            int rc = ToolProvider.getSystemJavaCompiler().run(null, null, null, "-d", classes.toString(),
                    Path.of("installer/Installer.java").toString());
            assertEquals(0, rc, "installer/Installer.java does not compile");
            installer = new URLClassLoader(new URL[] {classes.toUri().toURL()},
                    InstallerProgram.class.getClassLoader()).loadClass("Installer");
        }
        return installer;
    }
}
