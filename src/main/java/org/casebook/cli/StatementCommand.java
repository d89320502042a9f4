package org.casebook.cli;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import org.casebook.bundle.Statements;
import org.casebook.evidence.Plural;
import org.casebook.model.Case;
import org.casebook.statement.Statement;
import org.casebook.statement.StatementDetails;
import org.casebook.statement.StatementProfile;
import org.casebook.statement.StatementService;
import org.casebook.vault.Vault;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code casebook statement}: the witness statement that produces the exhibits, as a PDF. */
@Command(name = "statement", header = "Write the draft witness statement that produces the exhibits.",
        mixinStandardHelpOptions = true,
        description = "Draft the witness statement from the case (first person, in time order, producing each exhibit"
                + " by its mark) and write it as a PDF: police (MG11-style, s.9 CJA 1967 declaration), civil (CPR PD32,"
                + " statement of truth) or family. Drafting again never replaces the witness's own wording; --text"
                + " saves new wording, kept with every earlier one. Prints what is still to be filled in.")
final class StatementCommand extends VaultCommand {
    @Option(names = "--case", required = true, paramLabel = "ID", description = "The case's id or exact title.")
    String caseKey;

    @Option(names = "--out", required = true, paramLabel = "FILE.pdf", description = "Where to write the statement.")
    Path out;

    @Option(names = "--profile", paramLabel = "police|family|civil", defaultValue = "police",
            description = "Who it is for (default: police).")
    String profile;

    @Option(names = "--witness", paramLabel = "NAME", description = "The witness's full name.")
    String witness;

    @Option(names = "--occupation", paramLabel = "TEXT", description = "The witness's occupation.")
    String occupation;

    @Option(names = "--dated", paramLabel = "DATE", description = "The date it is signed (YYYY-MM-DD); without it the"
            + " date is left blank to be written by hand.")
    String dated;

    @Option(names = "--text", paramLabel = "FILE", description = "The witness's own wording (UTF-8 text, paragraphs"
            + " separated by a blank line), saved in place of the draft; earlier wording is kept.")
    Path text;

    @Option(names = "--docx", paramLabel = "FILE.docx", description = "Also write an editable copy of the statement"
            + " (a Word document; LibreOffice and Google Docs open it too). Like the PDF, it is not encrypted.")
    Path docx;

    @Option(names = "--json", description = "One JSON object: file, pages, exhibits produced and not, warnings.")
    boolean json;

    @Override
    int run(Vault vault, CliContext ctx) {
        if (!out.getFileName().toString().toLowerCase(Locale.ROOT).endsWith(".pdf")) {
            throw CliException.badInput("--out " + out + ": the statement's file name must end in .pdf");
        }
        if (docx != null) {
            if (!docx.getFileName().toString().toLowerCase(Locale.ROOT).endsWith(".docx")) {
                throw CliException.badInput("--docx " + docx + ": the editable copy's file name must end in .docx");
            }
            Path docxDir = docx.toAbsolutePath().getParent();
            if (docxDir == null || !Files.isDirectory(docxDir)) {
                throw CliException.badInput("--docx " + docx + ": the folder does not exist.");
            }
        }
        StatementProfile chosen;
        try {
            chosen = StatementProfile.fromCode(profile);
        } catch (IllegalArgumentException e) {
            throw CliException.badInput("--profile: " + e.getMessage());
        }
        Path dir = out.toAbsolutePath().getParent();
        if (dir == null || !Files.isDirectory(dir)) {
            throw CliException.badInput("--out " + out + ": the folder does not exist.");
        }
        LocalDate date = ConductOptions.date("--dated", dated);
        String wording = text == null ? null : read(text);
        if (wording != null && org.casebook.statement.StatementText.paragraphs(wording).isEmpty()) {
            throw CliException.badInput("--text " + text + ": the file holds no paragraph of text.");
        }
        Case aCase = findCase(vault, caseKey);
        Statements statements = new Statements(vault);
        StatementService service = new StatementService(vault);
        Statement current = statements.prepare(aCase.id(), chosen).statement();
        if (witness != null || occupation != null || date != null) {
            StatementDetails d = current.details();
            service.setDetails(aCase.id(), chosen, new StatementDetails(witness != null ? witness : d.witness(),
                    occupation != null ? occupation : d.occupation(), d.age(), d.relationship(), d.party(), d.number(),
                    date != null ? date : d.dated()));
        }
        if (wording != null) {
            service.edit(aCase.id(), chosen, wording);
        }
        Statements.Written written = statements.write(aCase.id(), chosen, out);
        Path editable = docx == null ? null : statements.writeEditable(aCase.id(), chosen, docx);
        var check = written.prepared().check();
        Statement s = written.prepared().statement();
        if (json) {
            Map<String, Object> o = new LinkedHashMap<>();
            o.put("file", written.file().toString());
            o.put("profile", chosen.code());
            o.put("pages", written.pages());
            o.put("docx", editable == null ? null : editable.toString());
            o.put("paragraphs", s.paragraphs().size());
            o.put("edited", s.isEdited());
            o.put("versions", s.versions());
            o.put("produced", check.produced());
            o.put("missing", check.missing());
            o.put("unknown", check.unknown());
            o.put("placeholders", check.placeholders());
            o.put("warnings", written.warnings());
            JsonLines.write(ctx.out(), o);
            return ExitCodes.OK;
        }
        ctx.out().println("Wrote " + written.file() + ": " + chosen.code() + " statement, "
                + Plural.of(written.pages(), "page") + ", " + Plural.of(s.paragraphs().size(), "paragraph") + ", "
                + (s.isEdited() ? "the witness's own wording" : "Casebook's draft") + "; produces "
                + Plural.of(check.produced().size(), "exhibit")
                + (check.produced().isEmpty() ? "" : " (" + String.join(", ", check.produced()) + ")"));
        if (editable != null) {
            ctx.out().println("Wrote " + editable + ": an editable copy of the same statement");
        }
        for (String w : written.warnings()) {
            ctx.out().println("Warning: " + w);
        }
        return ExitCodes.OK;
    }

    private static String read(Path file) {
        byte[] bytes;
        try {
            bytes = Files.readAllBytes(file);
        } catch (IOException e) {
            throw CliException.badInput("--text " + file + ": cannot read it (" + e.getMessage() + ")");
        }
        try {
            String s = StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT).decode(ByteBuffer.wrap(bytes)).toString();
            return s.startsWith("\uFEFF") ? s.substring(1) : s;
        } catch (CharacterCodingException e) {
            throw CliException.badInput("--text " + file + ": not UTF-8 text");
        }
    }
}
