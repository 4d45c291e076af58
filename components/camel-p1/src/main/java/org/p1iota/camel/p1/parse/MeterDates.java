package org.p1iota.camel.p1.parse;

import java.time.LocalDate;

/**
 * The calendar dates of recent timestamps, so a telegram's timestamps (which nearly always share one
 * date, and a meter's date changes once a day) reuse one {@link LocalDate} instead of building and
 * validating a new one each time. Only the date is shared, an immutable value equal to what
 * {@link LocalDate#of} gives for the same digits; each timestamp is still read and built whole.
 * <p>
 * Eight slots, chosen by a hash of the date: the power failure log's dates (fixed for months) rarely
 * evict today's. Not thread-safe; one per parser.
 */
final class MeterDates {

    private static final int SLOTS = 8;

    private final int[] keys = {-1, -1, -1, -1, -1, -1, -1, -1};
    private final LocalDate[] dates = new LocalDate[SLOTS];

    /** The date 20YY-MM-DD; throws {@link java.time.DateTimeException} for an impossible one, as {@link LocalDate#of} does. */
    LocalDate of(int yy, int month, int day) {
        int key = (yy * 100 + month) * 100 + day;
        int slot = key * 0x9E3779B1 >>> 29;
        if (keys[slot] == key) {
            return dates[slot];
        }
        LocalDate date = LocalDate.of(2000 + yy, month, day);
        dates[slot] = date;
        keys[slot] = key;
        return date;
    }
}
