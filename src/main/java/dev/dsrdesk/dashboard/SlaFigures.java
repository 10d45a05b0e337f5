package dev.dsrdesk.dashboard;

import java.time.LocalDate;
import java.util.List;

/** The state of the desk on one page: every number is counted from the tables and the engine when asked. */
public record SlaFigures(
        LocalDate today,
        List<Count> openByStatus,
        List<Count> openStepsByEntity,
        DueList dueWithinAWeek,
        DueList overdue,
        DueList clockPaused,
        long closedThisMonthOnTime,
        long closedThisMonthLate,
        Double medianDaysToClose,
        List<EntitySpeed> slowestEntities,
        long openIncidents,
        long mailWaiting) {

    public long openTotal() {
        return openByStatus.stream().mapToLong(Count::count).sum();
    }

    /** A label and how many; {@code share} is the bar's length against the largest of its chart. */
    public record Count(String label, long count, int share) {
    }

    /** How many requests are in a list, and the most pressing of them (a page, so the board stays quick at any size). */
    public record DueList(long total, List<DueRequest> first) {

        public boolean isEmpty() {
            return total == 0;
        }

        public long notShown() {
            return total - first.size();
        }
    }

    /** {@code clockPausedOn}: the day the statutory clock stopped for the requester's answer about identity, else null. */
    public record DueRequest(String reference, String type, String status, LocalDate dueDate, LocalDate clockPausedOn,
                             String processInstanceId) {
    }

    public record EntitySpeed(String entity, double averageDays, long answered, long openLate, int share) {

        /** As a person reads it: a step answered in twenty minutes is "20 min", not "0.0" days. */
        public String averageShown() {
            return DurationInWords.ofDays(averageDays);
        }
    }

    /** The median time to close, in words; a dash when nothing closed this month. */
    public String medianShown() {
        return medianDaysToClose == null ? "–" : DurationInWords.ofDays(medianDaysToClose);
    }
}
