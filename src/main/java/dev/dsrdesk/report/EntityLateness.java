package dev.dsrdesk.report;

import java.time.LocalDate;
import java.util.Collection;
import java.util.List;
import java.util.Optional;

/**
 * How one entity kept its own due dates (its steps' internal deadlines, in its own calendar), over the steps of the
 * requests received in the period.
 *
 * @param asked steps the entity was asked to do (not-involved entities have no step here)
 * @param late days past the step's due date of each late answer
 * @param daysToAnswer calendar days from the step's opening to the entity's answer
 */
public record EntityLateness(String entity, long asked, long answered, long onTime, Days late, long open, long openLate,
                      long withdrawn, Days daysToAnswer) {

    static EntityLateness of(String entity, Collection<StepFacts> steps, LocalDate today) {
        List<Long> lateness = steps.stream().map(StepFacts::daysLate).flatMap(Optional::stream).toList();
        return new EntityLateness(entity, steps.size(), steps.stream().filter(StepFacts::answered).count(),
                lateness.stream().filter(d -> d == 0).count(), Days.of(lateness.stream().filter(d -> d > 0).toList()),
                steps.stream().filter(s -> "OPEN".equals(s.state())).count(),
                steps.stream().filter(s -> s.openAndLate(today)).count(),
                steps.stream().filter(s -> "WITHDRAWN".equals(s.state())).count(),
                Days.of(steps.stream().map(StepFacts::daysToAnswer).flatMap(Optional::stream).toList()));
    }

    /** Share of the timed answers that came after the step's due date, in whole percent. */
    public int latePercent() {
        long timed = onTime + late.count();
        return timed == 0 ? 0 : (int) Math.round(100.0 * late.count() / timed);
    }
}
