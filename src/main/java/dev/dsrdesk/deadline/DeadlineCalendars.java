package dev.dsrdesk.deadline;

import dev.dsrdesk.registry.Entity;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.NoSuchElementException;
import java.util.stream.Collectors;

/**
 * The calendars the deadlines count in, built once at start-up so that a place the holiday library does not know
 * stops the desk there and then, naming the setting, rather than at a request's intake:
 * <ul>
 *   <li>a statutory clock counts in the calendar the decision table names for its regime
 *       ({@code dsr.deadlines.calendars}: the law's place, public holidays only);</li>
 *   <li>an entity's step counts in the entity's own calendar ({@code dsr.entities[*]}: its country, subdivisions and
 *       closing days).</li>
 * </ul>
 */
public final class DeadlineCalendars {

    private final Map<String, WorkingCalendar> regimes;
    private final Map<String, WorkingCalendar> entities;

    public DeadlineCalendars(Map<String, DeadlineSettings.RegimeCalendar> regimeCalendars, List<Entity> registry) {
        this.regimes = regimeCalendars.entrySet().stream().collect(Collectors.toUnmodifiableMap(Map.Entry::getKey,
                named -> regimeCalendar("dsr.deadlines.calendars." + named.getKey(), named.getValue())));
        this.entities = registry.stream().collect(Collectors.toUnmodifiableMap(Entity::id, DeadlineCalendars::entityCalendar));
    }

    /** The calendar a regime's clock counts in, by the name the decision table gives. */
    public WorkingCalendar regime(String name) {
        if (name == null) {
            throw new NoSuchElementException("a rule of the decision statutory-deadlines names no calendar "
                    + "(its column \"Counts in calendar\" is empty)");
        }
        WorkingCalendar calendar = regimes.get(name);
        if (calendar == null) {
            throw new NoSuchElementException("the decision statutory-deadlines names calendar '" + name
                    + "', which dsr.deadlines.calendars does not define (it defines " + regimes.keySet() + ")");
        }
        return calendar;
    }

    /** The calendar an entity's steps fall due in. */
    public WorkingCalendar entity(String entityId) {
        WorkingCalendar calendar = entities.get(entityId);
        if (calendar == null) {
            throw new NoSuchElementException("No entity '" + entityId + "' in dsr.entities");
        }
        return calendar;
    }

    private static WorkingCalendar regimeCalendar(String setting, DeadlineSettings.RegimeCalendar place) {
        try {
            return WorkingCalendar.of(PublicHolidays.of(place.country(), place.subdivisions(),
                    new HashSet<>(place.holidaysNotCounted()), new HashSet<>(place.closedTheDayAfter())));
        } catch (IllegalArgumentException unknown) {
            throw new IllegalStateException(setting + ": " + unknown.getMessage(), unknown);
        }
    }

    private static WorkingCalendar entityCalendar(Entity entity) {
        WorkingCalendar calendar;
        if (entity.country() == null) {
            if (!entity.holidaySubdivisions().isEmpty() || !entity.holidaysNotCounted().isEmpty() || !entity.closedTheDayAfter().isEmpty()) {
                throw new IllegalStateException("dsr.entities[" + entity.id() + "]: holiday-subdivisions, holidays-not-counted and "
                        + "closed-the-day-after need a country");
            }
            calendar = WorkingCalendar.weekendsOnly();
        } else {
            try {
                calendar = WorkingCalendar.of(PublicHolidays.of(entity.country(), entity.holidaySubdivisions(),
                        new HashSet<>(entity.holidaysNotCounted()), new HashSet<>(entity.closedTheDayAfter())));
            } catch (IllegalArgumentException unknown) {
                throw new IllegalStateException("dsr.entities[" + entity.id() + "]: " + unknown.getMessage(), unknown);
            }
        }
        return calendar.closedOn(entity.closingDays(), entity.yearlyClosingDays());
    }
}
