package org.casebook.evidence;

import static org.casebook.testsupport.TestVaults.LONDON;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.casebook.model.ItemKind;
import org.casebook.model.TimelineItem;
import org.casebook.model.When;
import org.casebook.testsupport.TestVaults;
import org.casebook.vault.Vault;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Search picks a query plan by how many items match (few, very many, or in between); whichever it picks,
 * the answer must be the same: the case's matching items in timeline order, at most {@code limit}. Checked
 * against a plain Java filter over the same rows, with many items sharing a time so the id tie-break counts.
 */
class SearchPlansTest {
    @TempDir
    static Path dir;
    static Vault vault;
    static long caseA;
    static long caseB;
    static final List<Row> ROWS = new ArrayList<>();

    record Row(long id, long caseId, long atMillis, String text) {
        boolean matches(String[] words, boolean prefixLast) {
            List<String> tokens = Arrays.asList(text.toLowerCase(Locale.ROOT).split("\\s+"));
            for (int i = 0; i < words.length; i++) {
                String w = words[i].toLowerCase(Locale.ROOT);
                // as in FtsQuery: a Latin prefix needs three letters, a shorter one matches a whole word
                boolean prefix = prefixLast && i == words.length - 1 && w.length() >= FtsQuery.MIN_PREFIX;
                if (tokens.stream().noneMatch(t -> prefix ? t.startsWith(w) : t.equals(w))) {
                    return false;
                }
            }
            return true;
        }
    }

    @BeforeAll
    static void fill() {
        vault = TestVaults.create(dir, "plans.casebook");
        caseA = new CaseService(vault).add("A", "A", LONDON).id();
        caseB = new CaseService(vault).add("B", "B", LONDON).id();
        ZonedDateTime t0 = ZonedDateTime.of(2024, 1, 1, 0, 0, 0, 0, LONDON);
        vault.write(c -> {
            BulkItemWriter writer = new BulkItemWriter(vault, c);
            for (int i = 0; i < 5000; i++) {
                boolean inA = i % 5 != 4; // 4000 in A, 1000 in B, interleaved
                long caseId = inA ? caseA : caseB;
                StringBuilder text = new StringBuilder("common");
                if (i % 7 == 0) {
                    text.append(" sevens");
                }
                if (i % 97 == 0) {
                    text.append(" rare");
                }
                if (!inA || i % 1000 == 3) {
                    text.append(" bee"); // very many matches, nearly all in B
                }
                if (i % 3 == 0) {
                    text.append(" combination");
                }
                // times out of insertion order, 600 distinct values: many ties
                ZonedDateTime at = t0.plusMinutes((i * 37L) % 600);
                long id = writer.add(ItemRow.of(caseId, ItemKind.MESSAGE, "sms", When.exactly(at), 0L,
                        text.toString(), null, null, "line " + i));
                ROWS.add(new Row(id, caseId, at.toInstant().toEpochMilli(), text.toString()));
            }
            writer.finish("messages-imported", Map.of("file", "generated"));
            return null;
        });
    }

    @AfterAll
    static void close() {
        vault.close();
    }

    private static List<Long> expected(long caseId, String query, boolean prefixLast, int limit) {
        String[] words = query.strip().split("\\s+");
        return ROWS.stream().filter(r -> r.caseId() == caseId && r.matches(words, prefixLast))
                .sorted(Comparator.comparingLong(Row::atMillis).thenComparingLong(Row::id))
                .limit(limit).map(Row::id).toList();
    }

    @Test
    void everyPlanGivesTheSameAnswerAsAPlainFilter() {
        TimelineService timeline = new TimelineService(vault);
        String[] queries = {"common", "sevens", "rare", "bee", "combination", "common sevens", "sevens combination",
            "comm", "se", "ra", "b", "nomatch", "rare bee"};
        int checked = 0;
        for (long caseId : new long[] {caseA, caseB}) {
            for (String q : queries) {
                for (boolean prefix : new boolean[] {false, true}) {
                    // an unlimited search of a word in thousands of items is slow-ish: only for a few words
                    int[] limits = List.of("rare", "bee", "comm", "sevens").contains(q)
                            ? new int[] {1, 7, 300, 10_000} : new int[] {1, 7, 300};
                    for (int limit : limits) {
                        List<Long> want = expected(caseId, q, prefix, limit);
                        List<Long> got = timeline.search(caseId, q, prefix, limit).stream().map(TimelineItem::id)
                                .toList();
                        assertEquals(want, got, "case " + caseId + " '" + q + "' prefix=" + prefix + " limit=" + limit);
                        checked++;
                    }
                }
            }
        }
        assertTrue(checked > 150, "checked " + checked);
        assertEquals(4000, expected(caseA, "common", false, 100_000).size(), "setup");
        assertEquals(5, expected(caseA, "bee", false, 100_000).size(), "setup: a sparse match in A, dense in B");
    }

    @Test
    void zeroLimitGivesNothing() {
        assertEquals(List.of(), new TimelineService(vault).search(caseA, "common", false, 0));
    }
}
