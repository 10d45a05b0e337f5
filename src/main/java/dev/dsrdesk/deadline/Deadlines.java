package dev.dsrdesk.deadline;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.Period;
import java.time.ZoneId;
import java.util.Date;
import org.springframework.stereotype.Component;

/**
 * Due dates for the request and for each step. Dates are calendar days in the desk's time zone;
 * a step's due date never falls after the statutory one.
 */
@Component
public class Deadlines {

    private final DeadlineSettings settings;
    private final Clock clock;
    private final ZoneId zone;

    public Deadlines(DeadlineSettings settings, Clock clock) {
        this.settings = settings;
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

    public Date entityStepDue(LocalDate statutoryDueDate) {
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
