package org.casebook.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Deque;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/** Runs the real command line in-process, with a chosen environment, standard input and terminal. */
final class CliTestSupport {
    static final String PASSPHRASE = "plum orchard lantern 42";
    static final ObjectMapper JSON = new ObjectMapper();

    private CliTestSupport() {
    }

    /** What one run of the command line did. */
    record Result(int exit, String out, String err) {
        List<String> lines() {
            return out.isBlank() ? List.of() : Arrays.asList(out.strip().split("\\R"));
        }

        List<JsonNode> json() {
            List<JsonNode> nodes = new ArrayList<>();
            for (String line : lines()) {
                try {
                    nodes.add(JSON.readTree(line));
                } catch (IOException e) {
                    throw new UncheckedIOException("not a JSON line: " + line, e);
                }
            }
            return nodes;
        }

        @Override
        public String toString() {
            return "exit " + exit + "\n--- out ---\n" + out + "--- err ---\n" + err;
        }
    }

    /** Asserts the command succeeded (exit 0, else the whole result is the message) and returns its output. */
    /**
     * Sam (the perpetrator, by his number) and his three texts, imported from a CSV: one before an order served on
     * 8 March 2024, two after it.
     */
    static void samTextsAroundAnOrder(java.nio.file.Path dir, String vault, String caseId) throws java.io.IOException {
        ok(cli("person", "add", "--vault", vault, "--case", caseId, "--name", "Sam", "--role", "perpetrator",
                "--phone", "+44 7700 900123"));
        java.nio.file.Path texts = dir.resolve("texts.csv");
        java.nio.file.Files.writeString(texts, """
                time,sender,number,text
                2024-03-07 21:15,Sam,+44 7700 900123,Before he knew of the order
                2024-03-12 22:40,Sam,+44 7700 900123,I will be outside your work tomorrow
                2024-03-15 08:00,Sam,+44 7700 900123,Answer me
                """);
        ok(cli("import", "--vault", vault, "--case", caseId, "--format", "csv", texts.toString()));
    }

    static String ok(Result r) {
        assertEquals(0, r.exit(), r::toString);
        return r.out().strip();
    }

    /** The usual run: the passphrase in CASEBOOK_PASSPHRASE, no terminal. */
    static Result cli(String... args) {
        return run(Map.of(Passphrases.ENV, PASSPHRASE), noTerminal(), "", args);
    }

    static Result run(Map<String, String> env, Terminal terminal, String stdin, String... args) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        InputStream in = new ByteArrayInputStream(stdin.getBytes(StandardCharsets.UTF_8));
        int exit;
        try (PrintStream o = new PrintStream(out, true, StandardCharsets.UTF_8);
             PrintStream e = new PrintStream(err, true, StandardCharsets.UTF_8)) {
            exit = CasebookCommand.run(args, new CliContext(env, in, o, e, terminal));
        }
        Result result = new Result(exit, out.toString(StandardCharsets.UTF_8), err.toString(StandardCharsets.UTF_8));
        for (String secret : env.values()) {
            assertFalse(result.out().contains(secret) || result.err().contains(secret),
                    "a passphrase was printed:\n" + result);
        }
        assertFalse(result.err().contains("\tat ") || result.err().contains("Exception"),
                "a stack trace or exception name on stderr:\n" + result);
        return result;
    }

    static Map<String, String> env(String... pairs) {
        Map<String, String> env = new HashMap<>();
        for (int i = 0; i < pairs.length; i += 2) {
            env.put(pairs[i], pairs[i + 1]);
        }
        return env;
    }

    static Terminal noTerminal() {
        return new Terminal() {
            @Override
            public boolean interactive() {
                return false;
            }

            @Override
            public char[] readPassword(String prompt) {
                return null;
            }
        };
    }

    /** A terminal where the person types {@code answers} in turn; records the prompts. */
    static final class TypingTerminal implements Terminal {
        final Deque<String> answers;
        final List<String> prompts = new ArrayList<>();

        TypingTerminal(String... answers) {
            this.answers = new ArrayDeque<>(List.of(answers));
        }

        @Override
        public boolean interactive() {
            return true;
        }

        @Override
        public char[] readPassword(String prompt) {
            prompts.add(prompt);
            String next = answers.poll();
            return next == null ? null : next.toCharArray();
        }
    }
}
