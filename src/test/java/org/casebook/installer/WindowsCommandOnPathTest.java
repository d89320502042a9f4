package org.casebook.installer;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import javax.xml.parsers.DocumentBuilderFactory;
import org.junit.jupiter.api.Test;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.Node;
import org.w3c.dom.NodeList;

/**
 * The .msi puts the {@code casebook} command on PATH: installer/Installer.java adds a WiX component to jpackage's
 * own main.wxs (read from the JDK building the .msi). WiX only runs on Windows, so this checks the WiX file it
 * writes: read back as XML, the default feature holds the component, which sets PATH to the install folder's
 * {@code bin} (where only casebook.cmd lives), per machine or per user as jpackage installs, and is removed on
 * uninstall. On Windows the JDK's own template is used; elsewhere a template of the same shape.
 */
class WindowsCommandOnPathTest {
    private static final String WIX = "http://schemas.microsoft.com/wix/2006/wi";
    /** The shape of jpackage's main.wxs (JDK 17): the parts the PATH entry is added to. */
    private static final String TEMPLATE_SHAPE = """
            <?xml version="1.0" encoding="utf-8"?>
            <Wix xmlns="http://schemas.microsoft.com/wix/2006/wi"
                 xmlns:util="http://schemas.microsoft.com/wix/UtilExtension">
              <?include $(var.JpConfigDir)/overrides.wxi ?>
              <Product Id="$(var.JpProductCode)" Name="$(var.JpAppName)" Language="1033"
                Version="$(var.JpAppVersion)" Manufacturer="$(var.JpAppVendor)"
                UpgradeCode="$(var.JpProductUpgradeCode)">
                <Package InstallerVersion="200" Compressed="yes" Platform="x64"/>
                <Directory Id="TARGETDIR" Name="SourceDir"/>
                <Feature Id="DefaultFeature" Title="!(loc.MainFeatureTitle)" Level="1">
                  <ComponentGroupRef Id="Shortcuts"/>
                  <ComponentGroupRef Id="Files"/>
                  <ComponentGroupRef Id="FileAssociations"/>
                </Feature>
                <UIRef Id="JpUI"/>
              </Product>
            </Wix>
            """;
    private static String withCommandOnPath(String template) throws Throwable {
        return (String) InstallerProgram.call("withCommandOnPath", new Class<?>[] {String.class}, template);
    }

    @Test
    void theMsiAddsItsCommandFolderToPathAndRemovesItOnUninstall() throws Throwable {
        String wxs = withCommandOnPath(template());
        Document doc = parse(wxs);

        Element feature = byId(doc, "Feature", "DefaultFeature");
        assertEquals(1, byId(feature, "ComponentRef", "CasebookCommandOnPath") == null ? 0 : 1,
                "the default feature does not install the PATH component:\n" + wxs);
        Element component = byId(doc, "Component", "CasebookCommandOnPath");
        assertTrue(component != null, wxs);
        Element directory = (Element) component.getParentNode();
        assertEquals("DirectoryRef", directory.getLocalName());
        assertEquals("INSTALLDIR", directory.getAttribute("Id"), "the entry must follow the folder the person chose");
        assertTrue(component.getAttribute("Guid").matches("[0-9a-f]{8}(-[0-9a-f]{4}){3}-[0-9a-f]{12}"),
                "a fixed GUID, so that an upgrade or uninstall finds the same entry");

        NodeList entries = component.getElementsByTagNameNS(WIX, "Environment");
        assertEquals(2, entries.getLength(), "one entry for a per-machine install, one for a per-user install");
        List<String> scopes = new ArrayList<>();
        for (int i = 0; i < entries.getLength(); i++) {
            Element env = (Element) entries.item(i);
            assertEquals("PATH", env.getAttribute("Name"));
            assertEquals("[INSTALLDIR]bin", env.getAttribute("Value"));
            assertEquals("set", env.getAttribute("Action"));
            assertEquals("last", env.getAttribute("Part"), "appended: never shadows the person's own commands");
            assertEquals("no", env.getAttribute("Permanent"), "uninstalling removes the entry");
            scopes.add(env.getAttribute("System"));
        }
        assertEquals(List.of("yes", "no"), scopes);
        List<String> instructions = new ArrayList<>();
        for (Node n = component.getFirstChild(); n != null; n = n.getNextSibling()) {
            if (n.getNodeType() == Node.PROCESSING_INSTRUCTION_NODE) {
                instructions.add((n.getNodeName() + " " + n.getNodeValue()).strip());
            }
        }
        assertEquals(List.of("ifdef JpIsSystemWide", "else", "endif"), instructions,
                "the system-wide entry only where jpackage installs per machine");
    }

    @Test
    void aTemplateWithoutTheFeatureStopsTheBuild() {
        IllegalStateException thrown = assertThrows(IllegalStateException.class,
                () -> withCommandOnPath(TEMPLATE_SHAPE.replace("FileAssociations", "Associations")));
        assertTrue(thrown.getMessage().contains("PATH"), thrown.getMessage());
    }

    /** The JDK's own template where this JDK has it (Windows builds of jpackage), otherwise its shape. */
    private static String template() throws Exception {
        Path own = FileSystems.getFileSystem(URI.create("jrt:/"))
                .getPath("/modules/jdk.jpackage/jdk/jpackage/internal/resources/main.wxs");
        return Files.exists(own) ? Files.readString(own) : TEMPLATE_SHAPE;
    }

    private static Document parse(String xml) throws Exception {
        DocumentBuilderFactory factory = DocumentBuilderFactory.newInstance();
        factory.setNamespaceAware(true);
        return factory.newDocumentBuilder().parse(new ByteArrayInputStream(xml.getBytes(StandardCharsets.UTF_8)));
    }

    private static Element byId(Node root, String tag, String id) {
        NodeList nodes = root instanceof Document doc ? doc.getElementsByTagNameNS(WIX, tag)
                : ((Element) root).getElementsByTagNameNS(WIX, tag);
        for (int i = 0; i < nodes.getLength(); i++) {
            Element e = (Element) nodes.item(i);
            if (id.equals(e.getAttribute("Id"))) {
                return e;
            }
        }
        return null;
    }
}
