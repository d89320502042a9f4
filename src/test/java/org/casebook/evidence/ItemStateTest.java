package org.casebook.evidence;

import static org.casebook.testsupport.TestVaults.LONDON;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.Random;
import org.casebook.model.ItemKind;
import org.casebook.model.When;
import org.casebook.vault.Sha256;
import org.junit.jupiter.api.Test;

/**
 * The state hash of a row to be inserted is computed without building its canonical string; it must stay
 * exactly the hash of that string, as the audit entries of every existing vault recorded it.
 */
class ItemStateTest {
    /** The canonical form as Casebook built it before the streaming hash: kept here as the reference. */
    private static String legacyOfRow(ItemRow r) {
        var at = r.when().at();
        Object[] values = {r.caseId(), r.kind().code(), r.type(), at.toInstant().toEpochMilli(), at.getZone().getId(),
            at.toLocalDateTime().toString(),
            r.when().end() == null ? null : r.when().end().toInstant().toEpochMilli(),
            r.when().approximate() ? 1 : 0, r.addedUtc(), r.text(), r.location(), r.witnesses(), r.impact(),
            r.policeRef(), r.senderId(), r.fileName(), r.mediaType(), r.fileSize(), r.fileModifiedUtc(), r.extra(),
            r.source(), r.blobSha256(), r.conversationId(), r.direction(), r.flags(), r.importId()};
        StringBuilder canonical = new StringBuilder(256);
        for (int i = 0; i < values.length; i++) {
            Object v = values[i];
            if (v != null) {
                canonical.append(ItemState.ITEM_COLUMNS[i]).append('=')
                        .append(v.toString().replace("\\", "\\\\").replace("\n", "\\n")).append('\n');
            }
        }
        return Sha256.of(canonical.toString());
    }

    private static String text(Random r) {
        if (r.nextInt(3) == 0) {
            return null;
        }
        StringBuilder b = new StringBuilder();
        int n = r.nextInt(r.nextInt(50) == 0 ? 6000 : 40);
        for (int i = 0; i < n; i++) {
            switch (r.nextInt(6)) {
                case 0 -> b.append('\\');
                case 1 -> b.append('\n');
                case 2 -> b.append((char) r.nextInt(0x10000)); // lone surrogates too
                case 3 -> b.appendCodePoint(0x1F300 + r.nextInt(500));
                case 4 -> b.append("שלום naïve");
                default -> b.append("\\n");
            }
        }
        return b.toString();
    }

    private static Long number(Random r) {
        return r.nextInt(3) == 0 ? null : r.nextLong() >> r.nextInt(64);
    }

    @Test
    void streamedHashEqualsTheCanonicalStringsHash() {
        Random r = new Random(11);
        ItemState.Hasher hasher = new ItemState.Hasher();
        ZoneId[] zones = {LONDON, ZoneId.of("America/New_York"), ZoneId.of("UTC"), ZoneId.of("+05:30")};
        for (int i = 0; i < 5000; i++) {
            ZonedDateTime at = ZonedDateTime.of(1900 + r.nextInt(200), 1 + r.nextInt(12), 1 + r.nextInt(28),
                    r.nextInt(24), r.nextInt(60), r.nextInt(3) == 0 ? r.nextInt(60) : 0,
                    r.nextInt(4) == 0 ? r.nextInt(1_000_000_000) : 0, zones[r.nextInt(zones.length)]);
            When when = new When(at, r.nextBoolean() ? null : at.plusMinutes(r.nextInt(1000)), r.nextBoolean());
            ItemRow row = new ItemRow(r.nextInt(5), ItemKind.values()[r.nextInt(ItemKind.values().length)], text(r),
                    when, r.nextLong(), text(r), text(r), text(r), text(r), text(r), number(r), number(r), text(r),
                    text(r), text(r), number(r), number(r), text(r), text(r), text(r), number(r), text(r), text(r),
                    number(r), number(r));
            assertEquals(legacyOfRow(row), hasher.ofRow(row), "row " + i);
            assertEquals(legacyOfRow(row), ItemState.ofRow(row), "row " + i);
        }
    }
}
