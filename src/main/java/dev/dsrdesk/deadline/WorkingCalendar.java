package dev.dsrdesk.deadline;

import java.time.DayOfWeek;
import java.time.LocalDate;
import java.util.Set;

/** Saturdays, Sundays and the configured public holidays are not working days. */
public final class WorkingCalendar {

    private final Set<LocalDate> publicHolidays;

    public WorkingCalendar(Set<LocalDate> publicHolidays) {
        this.publicHolidays = Set.copyOf(publicHolidays);
    }

    public boolean isWorkingDay(LocalDate date) {
        return date.getDayOfWeek() != DayOfWeek.SATURDAY && date.getDayOfWeek() != DayOfWeek.SUNDAY
                && !publicHolidays.contains(date);
    }

    /** The day itself when it is a working day, else the next one. */
    public LocalDate onOrAfter(LocalDate date) {
        LocalDate day = date;
        while (!isWorkingDay(day)) {
            day = day.plusDays(1);
        }
        return day;
    }

    public LocalDate plusWorkingDays(LocalDate start, int days) {
        LocalDate day = start;
        for (int counted = 0; counted < days; ) {
            day = day.plusDays(1);
            if (isWorkingDay(day)) {
                counted++;
            }
        }
        return day;
    }
}
