package org.casebook.bench;

import java.time.Duration;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import org.casebook.evidence.ItemRow;
import org.casebook.model.ItemKind;
import org.casebook.model.When;

/**
 * Deterministic, message-like rows for the benchmarks: about 120 characters of words drawn from a
 * Zipf-distributed vocabulary (so there are very common, medium and rare words, as in real chats), a
 * sender, a source like {@code chat.txt:123}, and times a few minutes apart in a real time zone.
 *
 * <p>Every {@value #RARE_EVERY}th row contains the word {@value #RARE_WORD}, which appears nowhere else.
 */
final class MessageGenerator {
    static final String RARE_WORD = "zanzibar";
    static final int RARE_EVERY = 50_000;
    static final ZoneId ZONE = ZoneId.of("Europe/London");

    /** The most frequent words first: rank decides frequency. */
    private static final String[] COMMON = ("you i the to me and a it not are at my know why your home call see"
            + " where tonight now just want answer phone again saw outside with this can be so do all was that"
            + " don't stop talking ignore going ever us need come back please still love car work"
            + " window door watching wait minute leave alone told friends mother message text last night"
            + " street later morning house said going police sorry never always think tell understand"
            + " happened believe mine every day week hours until soon promise again reply nothing"
            + " everyone remember who what when how").split(" ");
    private static final String[] SYLLABLES = {"ba", "ce", "di", "fo", "gu", "ha", "je", "ki", "lo", "mu", "na",
        "pe", "ri", "so", "tu", "va", "we", "xi", "yo", "ze", "bra", "cle", "dri", "fla", "gro", "pla", "sti",
        "tre", "shi", "cho"};
    private static final int GENERATED_WORDS = 6000;

    private final String[] vocabulary;
    private final double[] cumulative;
    private final SplittableRandom random;
    private final long caseId;
    private final long[] senders;
    private final String sourceFile;
    private final long addedUtc;
    private final ZonedDateTime start;
    private final long meanGapSeconds;
    private ZonedDateTime at;
    private long line;
    private long produced;
    private final StringBuilder text = new StringBuilder(200);

    /**
     * @param seed           makes each stream different and repeatable
     * @param meanGapSeconds average time between two messages
     */
    MessageGenerator(long seed, long caseId, long[] senders, String sourceFile, ZonedDateTime start,
                     long meanGapSeconds) {
        this.random = new SplittableRandom(seed);
        this.caseId = caseId;
        this.senders = senders.clone();
        this.sourceFile = sourceFile;
        this.start = start;
        this.meanGapSeconds = meanGapSeconds;
        this.at = start;
        this.addedUtc = start.toInstant().toEpochMilli() + Duration.ofDays(3650).toMillis();
        this.vocabulary = vocabulary();
        this.cumulative = zipf(vocabulary.length, 1.0);
    }

    static String[] vocabulary() {
        java.util.Set<String> seen = new java.util.LinkedHashSet<>(List.of(COMMON));
        List<String> words = new ArrayList<>(seen);
        int wanted = words.size() + GENERATED_WORDS;
        SplittableRandom r = new SplittableRandom(42);
        while (words.size() < wanted) {
            int syllables = 2 + r.nextInt(3);
            StringBuilder w = new StringBuilder();
            for (int i = 0; i < syllables; i++) {
                w.append(SYLLABLES[r.nextInt(SYLLABLES.length)]);
            }
            String word = w.toString();
            if (!word.equals(RARE_WORD) && seen.add(word)) {
                words.add(word);
            }
        }
        return words.toArray(String[]::new);
    }

    private static double[] zipf(int n, double s) {
        double[] c = new double[n];
        double sum = 0;
        for (int k = 0; k < n; k++) {
            sum += 1.0 / Math.pow(k + 1, s);
            c[k] = sum;
        }
        for (int k = 0; k < n; k++) {
            c[k] /= sum;
        }
        return c;
    }

    /** The next row of this stream. */
    ItemRow next() {
        produced++;
        line += 1 + random.nextInt(3);
        // Exponential-ish gaps, at least a second: bursts of messages and quiet hours.
        long gap = 1 + (long) (-Math.log(1 - random.nextDouble()) * meanGapSeconds);
        at = at.plusSeconds(gap);
        text.setLength(0);
        int target = 60 + random.nextInt(121); // 60..180 characters, mean 120
        boolean rare = produced % RARE_EVERY == RARE_EVERY / 2;
        while (text.length() < target) {
            if (text.length() > 0) {
                text.append(random.nextInt(12) == 0 ? ", " : " ");
            }
            if (rare && text.length() > target / 2) {
                text.append(RARE_WORD);
                rare = false;
            } else {
                text.append(word());
            }
        }
        if (rare) {
            text.append(' ').append(RARE_WORD);
        }
        text.setCharAt(0, Character.toUpperCase(text.charAt(0)));
        text.append(random.nextInt(4) == 0 ? '?' : '.');
        long sender = senders[random.nextInt(senders.length)];
        return ItemRow.of(caseId, ItemKind.MESSAGE, "message", When.exactly(at), addedUtc, text.toString(), sender,
                null, sourceFile + ":" + line);
    }

    private String word() {
        double u = random.nextDouble();
        int lo = 0;
        int hi = cumulative.length - 1;
        while (lo < hi) {
            int mid = (lo + hi) >>> 1;
            if (cumulative[mid] < u) {
                lo = mid + 1;
            } else {
                hi = mid;
            }
        }
        return vocabulary[lo];
    }

    ZonedDateTime start() {
        return start;
    }
}
