package cz.safecity.messaging.control;

import java.time.DayOfWeek;
import java.time.Instant;
import java.time.LocalDate;
import java.time.MonthDay;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.Set;

/**
 * Working days in the Czech Republic: Monday to Friday except public holidays (zákon č. 245/2000 Sb., § 1 and § 2:
 * 1 January, Good Friday, Easter Monday, 1 and 8 May, 5 and 6 July, 28 September, 28 October, 17 November,
 * 24–26 December). Easter Sunday by the anonymous Gregorian algorithm (Meeus/Jones/Butcher).
 */
public final class WorkingDays {

    private static final Set<MonthDay> FIXED = Set.of(MonthDay.of(1, 1), MonthDay.of(5, 1), MonthDay.of(5, 8),
            MonthDay.of(7, 5), MonthDay.of(7, 6), MonthDay.of(9, 28), MonthDay.of(10, 28), MonthDay.of(11, 17),
            MonthDay.of(12, 24), MonthDay.of(12, 25), MonthDay.of(12, 26));

    private WorkingDays() {
    }

    /** Easter Sunday of {@code year} (Gregorian calendar). */
    public static LocalDate easterSunday(int year) {
        int a = year % 19;
        int b = year / 100;
        int c = year % 100;
        int d = b / 4;
        int e = b % 4;
        int f = (b + 8) / 25;
        int g = (b - f + 1) / 3;
        int h = (19 * a + b - d - g + 15) % 30;
        int i = c / 4;
        int k = c % 4;
        int l = (32 + 2 * e + 2 * i - h - k) % 7;
        int m = (a + 11 * h + 22 * l) / 451;
        int month = (h + l - 7 * m + 114) / 31;
        int day = ((h + l - 7 * m + 114) % 31) + 1;
        return LocalDate.of(year, month, day);
    }

    /** Whether {@code date} is a Czech public holiday (Good Friday and Easter Monday included). */
    public static boolean isHoliday(LocalDate date) {
        if (FIXED.contains(MonthDay.from(date))) {
            return true;
        }
        LocalDate easter = easterSunday(date.getYear());
        return date.equals(easter.minusDays(2)) || date.equals(easter.plusDays(1));
    }

    /** Monday–Friday and not a public holiday. */
    public static boolean isWorkingDay(LocalDate date) {
        DayOfWeek d = date.getDayOfWeek();
        return d != DayOfWeek.SATURDAY && d != DayOfWeek.SUNDAY && !isHoliday(date);
    }

    /** The {@code days}-th working day after {@code date} ({@code date} itself when {@code days} is 0). */
    public static LocalDate plusWorkingDays(LocalDate date, int days) {
        LocalDate d = date;
        for (int n = 0; n < days; ) {
            d = d.plusDays(1);
            if (isWorkingDay(d)) {
                n++;
            }
        }
        return d;
    }

    /**
     * Deadline {@code days} working days after {@code start}, counted in {@code zone}: the same local time of day on
     * the {@code days}-th working day after the start's local date (a start on a weekend or holiday thus gets the
     * full number of working days).
     *
     * @param days working days, ≥ 0
     */
    public static Instant deadline(Instant start, int days, ZoneId zone) {
        ZonedDateTime local = start.atZone(zone);
        LocalDate from = local.toLocalDate();
        LocalDate due = days < 0 || days > 1000 ? plusWorkingDays(from, days)
                : DUE.computeIfAbsent(from.toEpochDay() * 1024 + days, k -> plusWorkingDays(from, days));
        if (DUE.size() > 4096) {
            DUE.clear(); // a few dates a day are asked for; this only bounds a long-running server
        }
        return local.with(due).toInstant();
    }

    /** Due dates by start date and number of working days (each submission asks for two). */
    private static final java.util.concurrent.ConcurrentMap<Long, LocalDate> DUE =
            new java.util.concurrent.ConcurrentHashMap<>();
}
