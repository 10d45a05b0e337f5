package dev.dsrdesk.deadline;

import dev.dsrdesk.process.StaffDates;
import dev.dsrdesk.request.DataSubjectRequest;
import java.time.LocalDate;
import java.time.Period;
import java.time.format.DateTimeFormatter;
import java.time.format.TextStyle;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import org.springframework.context.MessageSource;
import org.springframework.stereotype.Component;

/**
 * A statutory date's reasoning as a person reads it, in the reader's language (the requester's bundles, {@code due.*};
 * staff read English): "received 30 October 2026 → one month → 30 November 2026 (Monday, a working day)",
 * "… → 28 November 2026 is a Saturday → next working day 30 November 2026", "paused 3 days while waiting for the
 * requester’s answer → answer received …", "… one month, extended by two months on 12 November 2026 → …".
 */
@Component
public class DueDateInWords {

    private static final String ARROW = " → ";

    private final MessageSource messages;
    private final StatutoryDeadlines statutory;
    private final Deadlines deadlines;

    DueDateInWords(MessageSource messages, StatutoryDeadlines statutory, Deadlines deadlines) {
        this.messages = messages;
        this.statutory = statutory;
        this.deadlines = deadlines;
    }

    /**
     * For a staff task: the request's statutory date and how it was computed, "30 November 2026: received 30 October
     * 2026 → one month → …", or that the clock stands still.
     */
    public String statutoryDateForStaff(DataSubjectRequest request) {
        if (request.getClockPausedAt() != null) {
            return "Clock paused since " + StaffDates.day(deadlines.dayOf(request.getClockPausedAt()))
                    + ", waiting for the requester's answer about identity; the period starts again, in full, from the answer";
        }
        String date = StaffDates.day(request.effectiveDueDate());
        return statutory.deciding(request.getRegimes(), request.effectiveDueDate()).flatMap(this::forStaff)
                .map(reasoning -> date + ": " + reasoning).orElse(date);
    }

    /** For the requester's page: how the date that decides was computed, in their language, where it is known. */
    public Optional<String> forRequester(DataSubjectRequest request, Locale locale) {
        return statutory.deciding(request.getRegimes(), request.effectiveDueDate()).flatMap(regime -> in(regime, locale));
    }

    /** For staff: the reasoning in English, or empty for a date kept before the desk recorded its reasoning. */
    public Optional<String> forStaff(RegimeDeadline regime) {
        return in(regime, Locale.ENGLISH);
    }

    public Optional<String> in(RegimeDeadline regime, Locale locale) {
        DueDateReasoning reasoning = regime.reasoning();
        if (reasoning == null) {
            return Optional.empty();
        }
        DateTimeFormatter day = DateTimeFormatter.ofPattern(say("format.date", locale), locale);
        List<String> steps = new ArrayList<>();
        if (reasoning.pausedDays() != null) {
            steps.add(say("due.paused", locale, reasoning.pausedDays()));
        }
        steps.add(say("due.start." + reasoning.startedBy().name(), locale, day.format(reasoning.start())));
        String period = reasoning.businessDays() != null ? say("due.period.businessDays", locale, reasoning.businessDays())
                : period(reasoning.period(), locale);
        if (reasoning.extension() != null) {
            period = say("due.extension", locale, period, period(reasoning.extension(), locale),
                    reasoning.extendedOn() == null ? "" : day.format(reasoning.extendedOn()));
        }
        steps.add(period);
        LocalDate last = reasoning.periodEnds();
        steps.add(say("due.lastDay." + reasoning.periodEndsOn().name(), locale, day.format(last), day.format(regime.dueDate()),
                reasoning.holiday() == null ? "" : reasoning.holiday(), last.getDayOfWeek().getDisplayName(TextStyle.FULL, locale)));
        return Optional.of(String.join(ARROW, steps));
    }

    private String period(Period period, Locale locale) {
        if (period.toTotalMonths() > 0 && period.getDays() == 0) {
            return say("due.period.months", locale, period.toTotalMonths());
        }
        return say("due.period.days", locale, period.getDays());
    }

    private String say(String key, Locale locale, Object... values) {
        return messages.getMessage(key, values, locale);
    }
}
