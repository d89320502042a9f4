package org.casebook.cli;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.casebook.conduct.ConductFigures;
import org.casebook.conduct.ConductSummary;
import org.casebook.conduct.ScreeningService;
import org.casebook.conduct.WarningSigns;
import org.casebook.model.Case;
import org.casebook.model.Screening;
import org.casebook.model.SignAnswer;
import org.casebook.model.WarningSign;
import org.casebook.model.WarningSignAnswer;
import org.casebook.vault.Vault;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/** {@code casebook warning-signs show|answer}: the warning signs of stalking, from the evidence and the witness. */
@Command(name = "warning-signs", mixinStandardHelpOptions = true,
        header = "The warning signs of stalking the case shows, and your own answers.",
        description = {"Fear, getting worse, threats, turning up at home or work, following and loitering, other"
                + " people drawn in, damage, violence and earlier stalking: each counted from the evidence where it"
                + " can be and answered by you where it cannot.", WarningSign.NOT_AN_ASSESSMENT},
        subcommands = {WarningSignsCommand.Show.class, WarningSignsCommand.Answer.class})
final class WarningSignsCommand {

    @Command(name = "show", mixinStandardHelpOptions = true, description = "Each sign with what the evidence shows,"
            + " the items that show it and your answer; then the screenings recorded.")
    static final class Show extends VaultCommand {
        @Option(names = "--case", required = true, paramLabel = "ID", description = "The case's id or exact title.")
        String caseKey;

        @Mixin
        ContactPeriodOptions period;

        @Option(names = "--json", description = "One JSON object.")
        boolean json;

        @Override
        int run(Vault vault, CliContext ctx) {
            ConductOptions.Period days = period.period();
            Case aCase = findCase(vault, caseKey);
            ConductSummary summary = new ConductFigures(vault).summarise(aCase.id(), days.from(), days.to());
            WarningSigns.Assessment a = new WarningSigns(vault).assess(aCase.id(), summary);
            if (json) {
                JsonLines.write(ctx.out(), toJson(a));
                return ExitCodes.OK;
            }
            var out = ctx.out();
            out.println(WarningSign.NOT_AN_ASSESSMENT);
            out.printf("Period %s to %s: %d of %d signs shown by the evidence or by your answers.%n%n", a.from(), a.to(),
                    a.shownCount(), a.findings().size());
            for (WarningSigns.Finding f : a.findings()) {
                out.printf("%s %s%n", f.shown() ? "[shown]" : "[     ]", f.sign().label());
                if (f.evidence() != null) {
                    out.println("        Evidence: " + f.evidence());
                }
                if (!f.itemIds().isEmpty()) {
                    out.println("        Items: " + String.join(", ", f.itemIds().stream().map(String::valueOf).toList()));
                }
                out.println("        Your answer: " + (f.answer() == null ? "not answered (casebook warning-signs"
                        + " answer --sign " + f.sign().code() + " ...)" : f.answer().answer().label()
                        + (f.answer().note() == null ? "" : " — " + f.answer().note())));
            }
            out.println();
            if (a.screenings().isEmpty()) {
                out.println("No screening recorded (casebook screening add ...).");
            }
            for (Screening s : a.screenings()) {
                out.printf("Screening %d: %s on %s by %s: %s%n", s.id(), s.tool(), s.screenedOn(), s.screenedBy(),
                        s.outcome());
            }
            return ExitCodes.OK;
        }
    }

    @Command(name = "answer", mixinStandardHelpOptions = true, description = "Give or change your answer to one"
            + " sign. Every answer is kept in the audit log.")
    static final class Answer extends VaultCommand {
        @Option(names = "--case", required = true, paramLabel = "ID", description = "The case's id or exact title.")
        String caseKey;

        @Option(names = "--sign", required = true, paramLabel = "SIGN", description = "fear, escalation, threats,"
                + " visits, loitering, third-parties, property-damage, violence or previous-stalking.")
        String sign;

        @Option(names = "--answer", required = true, paramLabel = "ANSWER", description = "yes, no or unsure.")
        String answer;

        @Option(names = "--note", paramLabel = "TEXT", description = "Anything a reader should know about it.")
        String note;

        @Override
        int run(Vault vault, CliContext ctx) {
            WarningSign s = ConductOptions.code("--sign", WarningSign::fromCode, sign);
            SignAnswer a = ConductOptions.code("--answer", SignAnswer::fromCode, answer);
            Case aCase = findCase(vault, caseKey);
            WarningSignAnswer saved = new ScreeningService(vault).answer(aCase.id(), s, a, note);
            ctx.out().println(s.label() + ": " + saved.answer().label());
            return ExitCodes.OK;
        }
    }

    static Map<String, Object> toJson(WarningSigns.Assessment a) {
        Map<String, Object> o = new LinkedHashMap<>();
        o.put("from", a.from().toString());
        o.put("to", a.to().toString());
        o.put("label", WarningSign.NOT_AN_ASSESSMENT);
        o.put("shown", a.shownCount());
        List<Map<String, Object>> signs = new ArrayList<>();
        for (WarningSigns.Finding f : a.findings()) {
            Map<String, Object> sign = new LinkedHashMap<>();
            sign.put("sign", f.sign().code());
            sign.put("label", f.sign().label());
            sign.put("meaning", f.sign().meaning());
            sign.put("shown", f.shown());
            sign.put("count", f.count());
            sign.put("evidence", f.evidence());
            sign.put("items", f.itemIds());
            sign.put("answer", f.answer() == null ? null : f.answer().answer().code());
            sign.put("note", f.answer() == null ? null : f.answer().note());
            signs.add(sign);
        }
        o.put("signs", signs);
        o.put("screenings", a.screenings().stream().map(ScreeningCommand::toJson).toList());
        return o;
    }
}
