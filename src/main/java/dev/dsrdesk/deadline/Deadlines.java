package dev.dsrdesk.deadline;

import dev.dsrdesk.process.StaffDates;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.Period;
import java.time.ZoneId;
import java.util.Date;
import org.springframework.stereotype.Component;

/**
 * Due dates for the request and for each step. Dates are calendar days in the desk's time zone;
 * a step's due date never falls after the statutory one. An entity's step falls due on one of the entity's working
 * days.
 */
@Component
public class Deadlines {

    private final DeadlineSettings settings;
    private final DeadlineCalendars calendars;
    private final Clock clock;
    private final ZoneId zone;

    public Deadlines(DeadlineSettings settings, DeadlineCalendars calendars, Clock clock) {
        this.settings = settings;
        this.calendars = calendars;
        this.clock = clock;
        this.zone = clock.getZone();
    }

    /** The day the statutory clock starts, in the desk's calendar. */
    public LocalDate dayOf(Instant instant) {
        return instant.atZone(zone).toLocalDate();
    }

    public boolean clockStartsAtVerification() {
        return settings.clockStartsAt() == DeadlineSettings.ClockStart.VERIFICATION;
    }

    /**
     * An entity's step is due {@code entity-step-period} from today, on the next of the entity's working days where
     * that day is not one (its holiday or closing day, a weekend). The statutory date still comes first: where the
     * step would fall after it, it is due on the entity's last working day up to the statutory date, so the entity
     * is not asked to answer on a day its office is closed.
     */
    public Date entityStepDue(LocalDate statutoryDueDate, String entityId) {
        return endOfDay(entityStepDay(statutoryDueDate, entityId));
    }

    LocalDate entityStepDay(LocalDate statutoryDueDate, String entityId) {
        WorkingCalendar entity = calendars.entity(entityId);
        LocalDate today = today();
        LocalDate wanted = entity.onOrAfter(today.plus(settings.entityStepPeriod()));
        if (!wanted.isAfter(statutoryDueDate)) {
            return wanted;
        }
        LocalDate lastWorkingDay = entity.onOrBefore(statutoryDueDate);
        // a request already at its statutory date on one of the entity's closed days: that date, not a past day
        return lastWorkingDay.isBefore(today) ? earlier(today, statutoryDueDate) : lastWorkingDay;
    }

    /**
     * For the entity's task, in English: "10 days from Wed 2 Dec 2026 → Sat 12 Dec 2026 is a Saturday here → next working
     * day Mon 14 Dec 2026", or "… would pass the statutory date Mon 30 Nov 2026 → the last working day here up to it, …".
     */
    public String entityStepInWords(LocalDate statutoryDueDate, String entityId) {
        WorkingCalendar entity = calendars.entity(entityId);
        LocalDate today = today();
        LocalDate asked = today.plus(settings.entityStepPeriod());
        LocalDate wanted = entity.onOrAfter(asked);
        LocalDate due = entityStepDay(statutoryDueDate, entityId);
        String counted = inWords(settings.entityStepPeriod()) + " from " + StaffDates.day(today) + " → " + StaffDates.day(asked);
        if (statutoryDueDate.isBefore(today)) {
            return counted + " → the statutory date " + StaffDates.day(statutoryDueDate) + " has passed: due on it, at once";
        }
        if (!due.equals(wanted)) {
            String capped = counted + " would pass the statutory date " + StaffDates.day(statutoryDueDate);
            return due.equals(entity.onOrBefore(statutoryDueDate))
                    ? capped + " → the last working day here up to it, " + StaffDates.day(due)
                    : capped + ", today, a day closed here → due today all the same";
        }
        if (wanted.equals(asked)) {
            return counted + ", a working day here";
        }
        return counted + " is " + notWorking(entity, asked) + " here → next working day " + StaffDates.day(wanted);
    }

    private static String notWorking(WorkingCalendar calendar, LocalDate day) {
        return switch (calendar.dayKind(day)) {
            case SATURDAY -> "a Saturday";
            case SUNDAY -> "a Sunday";
            case PUBLIC_HOLIDAY -> "a public holiday" + calendar.holidayOn(day).map(name -> " (" + name + ")").orElse("");
            case CLOSING_DAY -> "a closing day";
            default -> "not a working day";
        };
    }

    private static String inWords(Period period) {
        return period.toTotalMonths() > 0 && period.getDays() == 0
                ? period.toTotalMonths() + (period.toTotalMonths() == 1 ? " month" : " months")
                : period.getDays() + (period.getDays() == 1 ? " day" : " days");
    }

    /** An entity's step counted in calendar days, for diagrams that name no entity. */
    public Date entityStepDueInCalendarDays(LocalDate statutoryDueDate) {
        return endOfDay(earlier(today().plus(settings.entityStepPeriod()), statutoryDueDate));
    }

    public Date triageDue(LocalDate statutoryDueDate) {
        return endOfDay(earlier(today().plus(settings.triagePeriod()), statutoryDueDate));
    }

    /** A reminder time for a due moment: never in the past, so a short step is reminded at once. */
    public Date before(Date due, Period offset) {
        Instant reminder = due.toInstant().atZone(zone).minus(offset).toInstant();
        Instant now = clock.instant();
        return Date.from(reminder.isBefore(now) ? now : reminder);
    }

    /** The statutory date as a moment: the end of that day in the desk's calendar. */
    public Date endOf(LocalDate date) {
        return endOfDay(date);
    }

    public Period entityReminderBefore() {
        return settings.entityReminderBefore();
    }

    public Period requestWarningBefore() {
        return settings.requestWarningBefore();
    }

    public Date reviewDue(LocalDate statutoryDueDate) {
        return endOfDay(earlier(today().plus(settings.reviewPeriod()), statutoryDueDate));
    }

    private LocalDate today() {
        return LocalDate.now(clock);
    }

    private static LocalDate earlier(LocalDate a, LocalDate b) {
        return a.isBefore(b) ? a : b;
    }

    private Date endOfDay(LocalDate date) {
        return Date.from(date.plusDays(1).atStartOfDay(zone).minusSeconds(1).toInstant());
    }
}
