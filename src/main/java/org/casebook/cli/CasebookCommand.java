package org.casebook.cli;

import java.io.InputStream;
import java.io.PrintStream;
import java.io.PrintWriter;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import org.casebook.Version;
import org.casebook.vault.Vault;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.IVersionProvider;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;
import picocli.CommandLine.UnmatchedArgumentException;

/**
 * The {@code casebook} command line: parses, calls the evidence use-cases, prints. Exit codes: 0 ok,
 * 1 usage, 2 bad input, 3 integrity failure, 4 wrong passphrase or not a Casebook vault.
 */
@Command(name = "casebook",
        mixinStandardHelpOptions = true,
        versionProvider = CasebookCommand.VersionProvider.class,
        description = "Casebook keeps evidence of stalking and harassment in one encrypted file (the vault), "
                + "offline, with a tamper-evident record of every change.",
        subcommands = {
            InitCommand.class,
            CaseCommand.class,
            PersonCommand.class,
            IncidentCommand.class,
            AttachCommand.class,
            ImportCommand.class,
            CaptureCommand.class,
            TimelineCommand.class,
            SearchCommand.class,
            ExportCommand.class,
            BundleCommand.class,
            StatementCommand.class,
            VerifyCommand.class,
            PasswdCommand.class,
            BackupCommand.class,
            RestoreCommand.class,
            DeleteCommand.class,
            HistoryCommand.class,
            ContinuityCommand.class,
            SummaryCommand.class,
            OrderCommand.class,
            ReportCommand.class,
            ImpactCommand.class,
            WarningSignsCommand.class,
            ScreeningCommand.class,
            TagCommand.class,
            TitleCommand.class,
            CheckBundleCommand.class,
            VerifyBundleCommand.class,
            CommandLine.HelpCommand.class},
        footerHeading = "%n",
        footer = {
            "Passphrase: from the CASEBOOK_PASSPHRASE environment variable, else from",
            "--passphrase-file FILE, else you are asked (nothing is shown as you type).",
            "",
            "Exit codes: 0 ok, 1 usage, 2 bad input, 3 integrity failure,",
            "4 wrong passphrase or not a Casebook vault.",
            "",
            "Help on one command: casebook help COMMAND"})
public final class CasebookCommand implements Callable<Integer> {
    private final CliContext context;

    @Spec
    CommandSpec spec;

    // The jar's launcher opens the desktop app for "--demo" alone before the command line is parsed; the option is
    // here so that --help names it.
    @picocli.CommandLine.Option(names = "--demo",
            description = "Open the desktop app straight into a clearly fictional demo case, in a throwaway vault.")
    boolean demo;

    private CasebookCommand(CliContext context) {
        this.context = context;
    }

    /** Runs a command with the real environment, streams and console; returns the exit code. */
    public static int run(String[] args) {
        if (opensVault(args)) {
            // Loading the database's native library (~75 ms) overlaps building and parsing the command line.
            Thread load = new Thread(Vault::warmUp, "casebook-driver-load");
            load.setDaemon(true);
            load.start();
        }
        return run(args, System.getenv(), System.in, System.out, System.err);
    }

    /** Every command but help and --version works on a vault. */
    private static boolean opensVault(String[] args) {
        return args.length > 0 && !args[0].startsWith("-") && !args[0].equals("help");
    }

    /** Runs a command with the given environment and streams (for tests and embedding). */
    public static int run(String[] args, Map<String, String> env, InputStream stdin, PrintStream out,
                          PrintStream err) {
        return run(args, new CliContext(env, stdin, out, err, Terminal.system()));
    }

    static int run(String[] args, CliContext context) {
        CommandLine cli = commandLine(context);
        PrintWriter outWriter = new PrintWriter(context.rawOut(), true);
        PrintWriter errWriter = new PrintWriter(context.rawErr(), true);
        cli.setOut(outWriter);
        cli.setErr(errWriter);
        try {
            return cli.execute(args);
        } finally {
            outWriter.flush();
            errWriter.flush();
            context.out().flush();
            context.err().flush();
        }
    }

    static CommandLine commandLine(CliContext context) {
        CommandLine cli = new CommandLine(new CasebookCommand(context));
        cli.setExpandAtFiles(false);
        cli.setParameterExceptionHandler(CasebookCommand::usageError);
        cli.setExecutionExceptionHandler((ex, line, parsed) -> Errors.report(ex, context.err()));
        return cli;
    }

    /** No command: the usage, and success (the desktop app takes this over in a later issue). */
    @Override
    public Integer call() {
        if (demo) {
            context.err().println("casebook: --demo opens the desktop app; give it alone: casebook --demo");
            return ExitCodes.USAGE;
        }
        spec.commandLine().usage(context.rawOut());
        return ExitCodes.OK;
    }

    CliContext context() {
        return context;
    }

    static CliContext contextOf(CommandSpec spec) {
        return ((CasebookCommand) spec.root().userObject()).context();
    }

    private static int usageError(ParameterException e, String[] args) {
        CommandLine line = e.getCommandLine();
        PrintWriter err = line.getErr();
        err.println("casebook: " + Errors.oneLine(e instanceof UnmatchedArgumentException u ? unmatched(u)
                : e.getMessage()));
        if (!UnmatchedArgumentException.printSuggestions(e, err)) {
            err.println("Try: " + line.getCommandSpec().qualifiedName() + " --help");
        }
        err.flush();
        return ExitCodes.USAGE;
    }

    /**
     * Names the unknown options but not the other words left over: picocli's own message repeats them all, and after
     * a mistyped {@code --passphrase WORDS} one of them is the passphrase, which would stay in the terminal's
     * scrollback or a script's log.
     */
    private static String unmatched(UnmatchedArgumentException e) {
        List<String> options = e.getUnmatched().stream().filter(a -> a.startsWith("-")).toList();
        long others = e.getUnmatched().size() - options.size();
        StringBuilder message = new StringBuilder();
        if (!options.isEmpty()) {
            message.append(options.size() == 1 ? "Unknown option: " : "Unknown options: ")
                    .append(String.join(", ", options.stream().map(o -> "'" + o.replaceAll("=.*", "=…") + "'").toList()));
        }
        if (others > 0) {
            message.append(message.length() == 0 ? "" : "; ").append(others == 1 ? "an unexpected argument"
                    : others + " unexpected arguments").append(" (not repeated here, in case one is a passphrase)");
        }
        return message + ".";
    }

    /** Prints the version from the build. */
    static final class VersionProvider implements IVersionProvider {
        @Override
        public String[] getVersion() {
            return new String[] {"casebook " + Version.get()};
        }
    }
}
