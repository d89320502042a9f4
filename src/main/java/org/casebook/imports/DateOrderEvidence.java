package org.casebook.imports;

import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * Works out whether an export writes its numeric dates day first or month first from what the export itself
 * shows, before anyone is asked. Fed every date of the file in the file's order (two numbers and a year, and
 * the time), and the dates written into media file names where a message has one. In order of strength:
 * <ol>
 *   <li>a date that is valid only one way (13/04 can only be the 13th) settles it;</li>
 *   <li>when every date reads the same both ways (01/01/21, 05/05/22) there is nothing to decide;</li>
 *   <li>a media file name dates its message ({@code IMG-20240305-WA0001.jpg} was received on 5 March 2024),
 *       and a chat's dates never run backwards: a reading that puts a message a day or more before an earlier
 *       one, or away from the date its file is named with, is ruled out.</li>
 * </ol>
 * When that leaves both readings (or the evidence points both ways), the question is truly open and the
 * caller asks the user ({@link AmbiguousDateOrderException}). This never guesses.
 */
public final class DateOrderEvidence {
    private static final int MAX_SAMPLES = 5;

    private final List<String> samples = new ArrayList<>();
    private final Set<Long> sampled = new LinkedHashSet<>();
    private boolean allSame = true;
    private long dates;
    private String onlyDayFirst;
    private String onlyMonthFirst;
    private final Reading dayFirst = new Reading();
    private final Reading monthFirst = new Reading();

    /** The dates seen under one reading: the latest so far, and the first place it runs backwards. */
    private static final class Reading {
        LocalDateTime latest;
        String latestWhere;
        LocalDate current;
        String backwards;
        int mediaAgrees;
        String mediaWhere;
    }

    /** The order found, and why, in words for a message ("line 12 (13/04/21) can only be read day first"). */
    public record Decision(DateOrder order, String reason) {
    }

    /**
     * One date of the file, in file order.
     *
     * @param first  the first number as written
     * @param second the second number as written
     * @param year   the full year
     * @param time   the time of day, or null when the export gives none
     * @param where  where it is, for messages ("line 12")
     * @param text   the date as written, for messages and samples ("03/04/21, 21:15")
     * @return the order when this date alone settles it (valid one way only), else null
     */
    public DateOrder date(int first, int second, int year, LocalTime time, String where, String text) {
        dates++;
        boolean dmy = valid(year, second, first);
        boolean mdy = valid(year, first, second);
        if (dmy && !mdy) {
            if (onlyDayFirst == null) {
                onlyDayFirst = where + " (" + text + ") can only be read day first";
            }
            return onlyMonthFirst == null ? DateOrder.DMY : null;
        }
        if (mdy && !dmy) {
            if (onlyMonthFirst == null) {
                onlyMonthFirst = where + " (" + text + ") can only be read month first";
            }
            return onlyDayFirst == null ? DateOrder.MDY : null;
        }
        if (!dmy) {
            return null; // not a date either way: the reading pass reports it with its line
        }
        if (first != second) {
            allSame = false;
            if (samples.size() < MAX_SAMPLES && sampled.add((long) first << 40 | (long) second << 20 | year)) {
                samples.add(text);
            }
        }
        LocalTime t = time == null ? LocalTime.MIDNIGHT : time;
        step(dayFirst, LocalDate.of(year, second, first).atTime(t), where, text);
        step(monthFirst, LocalDate.of(year, first, second).atTime(t), where, text);
        return null;
    }

    private static void step(Reading r, LocalDateTime at, String where, String text) {
        r.current = at.toLocalDate();
        if (r.latest != null && at.isBefore(r.latest.minusDays(1)) && r.backwards == null) {
            r.backwards = where + " (" + text + ") would come before " + r.latestWhere;
        }
        if (r.latest == null || at.isAfter(r.latest)) {
            r.latest = at;
            r.latestWhere = where;
        }
    }

    /**
     * A date the export wrote into the name of the current date's media file (the last {@link #date} call):
     * under the right reading the message is dated within a day of it.
     */
    public void mediaDate(LocalDate named, String where, String fileName) {
        agree(dayFirst, named, where, fileName);
        agree(monthFirst, named, where, fileName);
    }

    private static void agree(Reading r, LocalDate named, String where, String fileName) {
        if (r.current != null && Math.abs(r.current.toEpochDay() - named.toEpochDay()) <= 1) {
            r.mediaAgrees++;
            if (r.mediaWhere == null) {
                r.mediaWhere = where + " (" + fileName + ")";
            }
        }
    }

    /** The order the evidence settles, or null when it is open. Call after the last date. */
    public Decision decide() {
        if (onlyDayFirst != null && onlyMonthFirst == null) {
            return new Decision(DateOrder.DMY, onlyDayFirst);
        }
        if (onlyMonthFirst != null && onlyDayFirst == null) {
            return new Decision(DateOrder.MDY, onlyMonthFirst);
        }
        if (onlyDayFirst != null) {
            return null; // some dates fit only one way and others only the other: the file mixes orders
        }
        if (dates > 0 && allSame) {
            return new Decision(DateOrder.DMY, "every date reads the same day first or month first");
        }
        DateOrder byMedia = null;
        String mediaReason = null;
        if (dayFirst.mediaAgrees > 0 && monthFirst.mediaAgrees == 0) {
            byMedia = DateOrder.DMY;
            mediaReason = "the media file named at " + dayFirst.mediaWhere + " dates its message day first";
        } else if (monthFirst.mediaAgrees > 0 && dayFirst.mediaAgrees == 0) {
            byMedia = DateOrder.MDY;
            mediaReason = "the media file named at " + monthFirst.mediaWhere + " dates its message month first";
        }
        DateOrder byOrder = null;
        String orderReason = null;
        if (dayFirst.backwards != null && monthFirst.backwards == null) {
            byOrder = DateOrder.MDY;
            orderReason = "read day first, " + dayFirst.backwards + ", and a chat's dates never run backwards";
        } else if (monthFirst.backwards != null && dayFirst.backwards == null) {
            byOrder = DateOrder.DMY;
            orderReason = "read month first, " + monthFirst.backwards + ", and a chat's dates never run backwards";
        }
        if (byMedia != null && byOrder != null && byMedia != byOrder) {
            return null;
        }
        if (byMedia != null) {
            return new Decision(byMedia, mediaReason);
        }
        return byOrder == null ? null : new Decision(byOrder, orderReason);
    }

    /** True when some dates fit only day first and others only month first. */
    public boolean contradictory() {
        return onlyDayFirst != null && onlyMonthFirst != null;
    }

    /** Dates as written that fit both readings, for showing the user both. */
    public List<String> samples() {
        return List.copyOf(samples);
    }

    private static boolean valid(int y, int m, int d) {
        if (y < 1 || m < 1 || m > 12 || d < 1) {
            return false;
        }
        int max = switch (m) {
            case 2 -> y % 4 == 0 && (y % 100 != 0 || y % 400 == 0) ? 29 : 28;
            case 4, 6, 9, 11 -> 30;
            default -> 31;
        };
        return d <= max;
    }
}
