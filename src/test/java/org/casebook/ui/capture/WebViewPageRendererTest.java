package org.casebook.ui.capture;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.Set;
import javax.imageio.ImageIO;
import org.casebook.capture.PageRenderer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class WebViewPageRendererTest {
    @TempDir
    Path dir;

    @Test
    void theInstalledRendererIsWebViewFoundWithoutJavaFxImports() {
        assertTrue(PageRenderer.installed().orElseThrow() instanceof WebViewPageRenderer);
    }

    @Test
    void rendersATallPageWholeWithItsColoursAndNoScript() throws Exception {
        StringBuilder html = new StringBuilder("<!doctype html><html><head><style>body{margin:0;font:20px sans-serif}"
                + ".band{height:1000px} .a{background:#c00} .b{background:#00c} .c{background:#0a0}</style></head>"
                + "<body><h1>Top of the page</h1>");
        html.append("<div class='band a'></div><div class='band b'></div><div class='band c'></div>");
        html.append("<p id=end>End</p><script>document.body.style.background='black';"
                + "document.querySelector('.a').style.display='none'</script></body></html>");
        byte[] png = new WebViewPageRenderer().render(html.toString(), 800);
        Files.write(dir.resolve("page.png"), png);
        Files.write(Path.of(System.getProperty("java.io.tmpdir"), "casebook-render-check.png"), png);
        BufferedImage image = ImageIO.read(new ByteArrayInputStream(png));
        assertEquals(800, image.getWidth());
        assertTrue(image.getHeight() > 3000, "whole page, not one viewport: " + image.getHeight());
        // The script did not run: the red band is there, the background is not black.
        assertEquals(0xcc0000, image.getRGB(400, 200) & 0xffffff, "red band at the top");
        assertEquals(0x0000cc, image.getRGB(400, 1500) & 0xffffff, "blue band in the middle");
        assertEquals(0x00aa00, image.getRGB(400, 2500) & 0xffffff, "green band below the first tile");
        Set<Integer> colours = new HashSet<>();
        for (int y = 0; y < image.getHeight(); y += 37) {
            colours.add(image.getRGB(10, y));
        }
        assertTrue(colours.size() >= 4, "not blank");
    }
}
