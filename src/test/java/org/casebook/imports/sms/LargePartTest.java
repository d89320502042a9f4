package org.casebook.imports.sms;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.BufferedWriter;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.util.Base64;
import java.util.HexFormat;
import java.util.List;
import java.util.Random;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Big MMS parts with a bounded heap: a file whose one {@code data} attribute is 80 MB of base64 (a 60 MB
 * video) imports in a child JVM limited to 128 MB of heap, every byte intact. (The JDK's XML reader alone
 * needs several times an attribute's size: without {@link XmlCharReader} taking {@code data} out of the
 * stream, 40 MB attributes already fail at 256 MB.)
 */
class LargePartTest {
    @TempDir
    Path dir;

    @Test
    void anEightyMegabyteAttributeImportsIn128MegabytesOfHeap() throws Exception {
        Path file = dir.resolve("sms-big.xml");
        MessageDigest sha = MessageDigest.getInstance("SHA-256");
        long size = 60L * 1024 * 1024;
        Random random = new Random(60);
        byte[] block = new byte[3 * 1024 * 1024];
        try (BufferedWriter w = Files.newBufferedWriter(file, StandardCharsets.UTF_8)) {
            w.write("<?xml version='1.0' encoding='UTF-8' standalone='yes' ?>\n<smses count=\"2\">\n");
            w.write("  <mms date=\"1700000000000\" msg_box=\"1\" address=\"+15550001111\">\n    <parts>\n");
            w.write("      <part seq=\"0\" ct=\"video/mp4\" name=\"VID_0001.mp4\" text=\"null\" data=\"");
            for (long done = 0; done < size; done += block.length) {
                random.nextBytes(block);
                sha.update(block);
                w.write(Base64.getEncoder().encodeToString(block));
            }
            w.write("\" />\n    </parts>\n    <addrs><addr address=\"+15550001111\" type=\"137\" /></addrs>\n  </mms>\n");
            w.write("  <sms address=\"+15550001111\" date=\"1700000000001\" type=\"1\" body=\"after it\" />\n</smses>\n");
        }
        assertTrue(Files.size(file) > 80L * 1024 * 1024);

        Process child = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-Xmx128m", "-cp", System.getProperty("java.class.path"), LargePartChild.class.getName(),
                file.toString()).redirectErrorStream(true).start();
        String output = new String(child.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertTrue(child.waitFor(120, TimeUnit.SECONDS), "the child JVM did not finish");
        assertEquals(0, child.exitValue(), output);
        List<String> lines = output.lines().toList();
        assertEquals(List.of("message ", "part VID_0001.mp4 " + size + " " + HexFormat.of().formatHex(sha.digest()),
                "message after it"), lines.subList(0, 3), output);
        long heapMb = Long.parseLong(lines.get(3).replaceAll("\\D", ""));
        assertTrue(heapMb <= 128, lines.get(3));
    }

    @Test
    void lineBreaksInsideBase64KeepTheLinesOfWhatFollows() throws IOException {
        byte[] image = new byte[5000];
        new Random(1).nextBytes(image);
        String wrapped = Base64.getMimeEncoder().encodeToString(image);
        String xml = "<?xml version='1.0' encoding='UTF-8'?>\n<smses count=\"2\">\n"
                + "  <mms date=\"1\" msg_box=\"1\" address=\"+15550001111\"><parts>\n"
                + "    <part ct=\"image/jpeg\" name=\"a.jpg\" data=\"\n" + wrapped + "\n\" />\n"
                + "  </parts></mms>\n  <sms address=\"+15550001111\" date=\"2\" type=\"1\" body=\"next\" />\n</smses>\n";
        long smsLine = xml.substring(0, xml.indexOf("<sms ")).chars().filter(c -> c == '\n').count() + 1;
        assertTrue(smsLine > 60);
        Imported r = Imported.run(new SmsImporter(), Imported.write(dir, "sms-wrapped.xml", xml));
        assertEquals(2, r.messages().size());
        assertEquals(List.of("line 3", "line " + smsLine), r.messages().stream().map(m -> m.source()).toList());
        org.junit.jupiter.api.Assertions.assertArrayEquals(image, r.bytes().get(0).get(0));
    }
}
