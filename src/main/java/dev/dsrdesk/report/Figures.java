package dev.dsrdesk.report;

import java.util.Collection;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The report's figures for one group of requests (a right, an entity, a jurisdiction, or all). Outcomes partition
 * "received"; timeliness counts the responses only (answered in full, in part, or refused).
 *
 * @param late days past the due date of each late response (count, median, mean, most)
 * @param daysToAnswer calendar days from receipt to response, of every response
 */
public record Figures(long received, Map<Outcome, Long> outcomes, Map<RefusalReason, Long> refusals, long onTime,
               Days late, long extended, Days daysToAnswer) {

    static Figures of(Collection<RequestFacts> requests) {
        Map<Outcome, Long> outcomes = new EnumMap<>(Outcome.class);
        for (Outcome outcome : Outcome.values()) {
            outcomes.put(outcome, 0L);
        }
        Map<RefusalReason, Long> refusals = new EnumMap<>(RefusalReason.class);
        for (RefusalReason reason : RefusalReason.values()) {
            refusals.put(reason, 0L);
        }
        long onTime = 0;
        long extended = 0;
        for (RequestFacts request : requests) {
            outcomes.merge(request.outcome(), 1L, Long::sum);
            if (request.outcome() == Outcome.REFUSED) {
                refusals.merge(request.refusalReason(), 1L, Long::sum);
            }
            if (request.answered() && request.daysLate().orElseThrow() == 0) {
                onTime++;
            }
            if (request.extended()) {
                extended++;
            }
        }
        List<Long> late = requests.stream().map(RequestFacts::daysLate).flatMap(Optional::stream).filter(d -> d > 0).toList();
        List<Long> toAnswer = requests.stream().map(RequestFacts::daysToAnswer).flatMap(Optional::stream).toList();
        return new Figures(requests.size(), Map.copyOf(outcomes), Map.copyOf(refusals), onTime, Days.of(late), extended,
                Days.of(toAnswer));
    }

    public long count(Outcome outcome) {
        return outcomes.get(outcome);
    }

    public long refused(RefusalReason reason) {
        return refusals.get(reason);
    }

    public long answered() {
        return onTime + late.count();
    }

    public long lateCount() {
        return late.count();
    }

    /** Share of responses that went out by the due date, in whole percent; absent when nothing was answered. */
    public Optional<Integer> onTimePercent() {
        return answered() == 0 ? Optional.empty() : Optional.of((int) Math.round(100.0 * onTime / answered()));
    }

    public String onTimeShown() {
        return onTimePercent().map(p -> p + "%").orElse("–");
    }

    /** CCPA § 7102: "complied with in whole or in part". */
    public long compliedInWholeOrInPart() {
        return count(Outcome.ANSWERED_IN_FULL) + count(Outcome.ANSWERED_IN_PART);
    }

    /**
     * CCPA § 7102: "denied". A request the desk could not verify is denied under the CCPA too (§ 7060, § 7062), so
     * refused, unverified and closed-unanswered requests count here.
     */
    public long denied() {
        return count(Outcome.REFUSED) + count(Outcome.UNVERIFIED) + count(Outcome.CLOSED_UNANSWERED);
    }
}
