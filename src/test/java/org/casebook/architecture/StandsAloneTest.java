package org.casebook.architecture;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * The repository builds and tests from its own clone: no source, test or build file reaches outside it (the
 * sample exports once lived in a folder beside the project, and a clone anywhere else failed 45 tests).
 */
class StandsAloneTest {
    /** A path that climbs out of the project folder, or names the workspace folder the fixtures came from. */
    private static final Pattern OUTSIDE = Pattern.compile(
            "(Path\\.of|Paths\\.get|new File)\\(\"\\.\\.|\\.\\./shared|/shared/fixtures|\"shared\",\\s*\"fixtures\"");

    @Test
    void nothingReadsOutsideTheClone() throws IOException {
        List<Path> roots = List.of(Path.of("src", "main"), Path.of("src", "test", "java"));
        List<String> offenders;
        try (Stream<Path> files = roots.stream().flatMap(StandsAloneTest::walk)) {
            offenders = files.filter(p -> p.toString().endsWith(".java"))
                    .filter(p -> !p.endsWith(Path.of("StandsAloneTest.java")))
                    .filter(p -> OUTSIDE.matcher(read(p)).find())
                    .map(Path::toString)
                    .toList();
        }
        assertEquals(List.of(), offenders, "these files reach outside the repository");
        assertTrue(OUTSIDE.matcher("Path.of(\"..\", \"shared\", \"fixtures\")").find(), "the pattern finds the old way");
        String pom = Files.readString(Path.of("pom.xml"));
        assertTrue(!pom.contains("../shared") && !pom.contains("${project.basedir}/.."), "pom.xml reaches outside");
    }

    @Test
    void theSampleExportsAreInTheRepositoryWithTheirSources() throws IOException {
        Path fixtures = Path.of("src", "test", "resources", "fixtures");
        try (Stream<Path> folders = Files.list(fixtures)) {
            for (Path folder : folders.filter(Files::isDirectory).toList()) {
                assertTrue(Files.isRegularFile(folder.resolve("README.md")),
                        folder + " has no README naming where its files came from and under which licence");
            }
        }
    }

    private static Stream<Path> walk(Path root) {
        try {
            return Files.walk(root).toList().stream();
        } catch (IOException e) {
            throw new IllegalStateException(root.toString(), e);
        }
    }

    private static String read(Path p) {
        try {
            return Files.readString(p);
        } catch (IOException e) {
            throw new IllegalStateException(p.toString(), e);
        }
    }
}
