package dev.dsrdesk.deadline;

import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.MonthDay;
import java.util.Collection;
import java.util.Optional;
import java.util.Set;

/**
 * The working days of one place: Monday to Friday, less its public holidays (from the holiday library) and, for an
 * entity, its own closing days (company holidays, and local holidays the library does not know, configured in the
 * registry). A place without public holidays (an entity with no country) still rests on Saturdays and Sundays.
 */
public final class WorkingCalendar {

    private final Optional<PublicHolidays> publicHolidays;
    private final Set<LocalDate> closingDays;
    private final Set<MonthDay> yearlyClosingDays;

    private WorkingCalendar(Optional<PublicHolidays> publicHolidays, Collection<LocalDate> closingDays,
                            Collection<MonthDay> yearlyClosingDays) {
        this.publicHolidays = publicHolidays;
        this.closingDays = Set.copyOf(closingDays);
        this.yearlyClosingDays = Set.copyOf(yearlyClosingDays);
    }

    public static WorkingCalendar of(PublicHolidays publicHolidays) {
        return new WorkingCalendar(Optional.of(publicHolidays), Set.of(), Set.of());
    }

    public static WorkingCalendar weekendsOnly() {
        return new WorkingCalendar(Optional.empty(), Set.of(), Set.of());
    }

    /** This calendar, closed besides on these days, and on these days of every year. */
    public WorkingCalendar closedOn(Collection<LocalDate> days, Collection<MonthDay> everyYear) {
        return new WorkingCalendar(publicHolidays, days, everyYear);
    }

    public boolean isWorkingDay(LocalDate date) {
        return dayKind(date) == DueDateReasoning.LastDay.WORKING_DAY;
    }

    /** What the day is here: a working day, or why not (a weekend first, as a person would say it). */
    public DueDateReasoning.LastDay dayKind(LocalDate date) {
        if (date.getDayOfWeek() == DayOfWeek.SATURDAY) {
            return DueDateReasoning.LastDay.SATURDAY;
        }
        if (date.getDayOfWeek() == DayOfWeek.SUNDAY) {
            return DueDateReasoning.LastDay.SUNDAY;
        }
        if (publicHolidays.map(holidays -> holidays.isHoliday(date)).orElse(false)) {
            return DueDateReasoning.LastDay.PUBLIC_HOLIDAY;
        }
        if (closingDays.contains(date) || yearlyClosingDays.contains(MonthDay.from(date))) {
            return DueDateReasoning.LastDay.CLOSING_DAY;
        }
        return DueDateReasoning.LastDay.WORKING_DAY;
    }

    /** The public holiday's name, where the day is one here. */
    public Optional<String> holidayOn(LocalDate date) {
        return publicHolidays.flatMap(holidays -> holidays.nameOf(date));
    }

    /** The day itself when it is a working day, else the next one. */
    public LocalDate onOrAfter(LocalDate date) {
        LocalDate day = date;
        while (!isWorkingDay(day)) {
            day = day.plusDays(1);
        }
        return day;
    }

    /** The day itself when it is a working day, else the last one before it. */
    public LocalDate onOrBefore(LocalDate date) {
        LocalDate day = date;
        while (!isWorkingDay(day)) {
            day = day.minusDays(1);
        }
        return day;
    }

    /** The working day {@code days} working days after {@code start} (which itself is not counted). */
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

    /** Whose public holidays this calendar counts, as the library names the place ({@code IT/62/rm}). */
    public String place() {
        return publicHolidays.map(PublicHolidays::place).orElse("Saturdays and Sundays only");
    }

    @Override
    public String toString() {
        return place();
    }
}
