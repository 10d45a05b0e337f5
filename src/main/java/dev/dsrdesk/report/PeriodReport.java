package dev.dsrdesk.report;

import dev.dsrdesk.request.RequestType;
import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.YearMonth;
import java.time.temporal.TemporalAdjusters;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * The report of one period: the figures of every request received in it, grouped by right, by entity asked and by
 * jurisdiction; each entity's own timeliness; the CCPA § 7102 figures for California residents; the series the charts
 * draw.
 */
public record PeriodReport(ReportPeriod period, LocalDate asOf, Figures all, List<Group> byRight, List<Group> byEntity,
                    List<Group> byJurisdiction, List<EntityLateness> entities, List<CcpaFigures> ccpa,
                    List<Week> weeks, List<Month> months) {

    /** One row of a breakdown: what it groups (a right, an entity id, a jurisdiction code) and its figures. */
    public record Group(String key, String label, Figures figures) {
    }

    public record CcpaFigures(CcpaRight right, Figures figures) {
    }

    /** The requests received in the week starting on {@code monday}, by right. */
    public record Week(LocalDate monday, Map<RequestType, Long> received) {
        public long total() {
            return received.values().stream().mapToLong(Long::longValue).sum();
        }
    }

    /** The responses that went out in a month (counted by the month they went out) and how many were on time. */
    public record Month(YearMonth month, long answered, long onTime) {
        public Integer onTimePercent() {
            return answered == 0 ? null : (int) Math.round(100.0 * onTime / answered);
        }
    }

    static PeriodReport of(ReportPeriod period, LocalDate today, List<RequestFacts> requests,
                           Map<String, List<StepFacts>> stepsByEntity, List<String> registeredEntities,
                           Function<String, String> entityName) {
        List<Group> byRight = new ArrayList<>();
        for (RequestType type : RequestType.values()) {
            List<RequestFacts> ofType = requests.stream().filter(r -> r.type() == type).toList();
            byRight.add(new Group(type.name(), RightLabels.of(type), Figures.of(ofType)));
        }
        Set<String> entityIds = new LinkedHashSet<>(registeredEntities);
        entityIds.addAll(new TreeSet<>(stepsByEntity.keySet()));
        List<Group> byEntity = entityIds.stream().map(id -> new Group(id, entityName.apply(id),
                Figures.of(requests.stream().filter(r -> r.entities().contains(id)).toList()))).toList();
        List<EntityLateness> entities = entityIds.stream()
                .map(id -> EntityLateness.of(id, stepsByEntity.getOrDefault(id, List.of()), today)).toList();
        Map<String, List<RequestFacts>> byPlace = requests.stream()
                .collect(Collectors.groupingBy(RequestFacts::jurisdiction));
        List<Group> byJurisdiction = byPlace.entrySet().stream()
                .sorted(Comparator.<Map.Entry<String, List<RequestFacts>>>comparingInt(e -> -e.getValue().size())
                        .thenComparing(Map.Entry::getKey))
                .map(e -> new Group(e.getKey(), e.getKey(), Figures.of(e.getValue()))).toList();
        List<CcpaFigures> ccpa = new ArrayList<>();
        for (CcpaRight right : CcpaRight.values()) {
            ccpa.add(new CcpaFigures(right, Figures.of(requests.stream()
                    .filter(r -> r.inCalifornia() && right.types().contains(r.type())).toList())));
        }
        return new PeriodReport(period, today, Figures.of(requests), byRight, byEntity, byJurisdiction, entities, ccpa,
                weeks(period, requests), months(period, today, requests));
    }

    private static List<Week> weeks(ReportPeriod period, Collection<RequestFacts> requests) {
        LocalDate firstMonday = period.from().with(TemporalAdjusters.previousOrSame(DayOfWeek.MONDAY));
        // one pass over the requests, whatever the period's length
        Map<LocalDate, Map<RequestType, Long>> received = requests.stream().collect(Collectors.groupingBy(
                r -> r.receivedOn().with(TemporalAdjusters.previousOrSame(DayOfWeek.MONDAY)),
                Collectors.groupingBy(RequestFacts::type, () -> new EnumMap<>(RequestType.class), Collectors.counting())));
        List<Week> weeks = new ArrayList<>();
        for (LocalDate monday = firstMonday; !monday.isAfter(period.to()); monday = monday.plusWeeks(1)) {
            Map<RequestType, Long> counts = new EnumMap<>(RequestType.class);
            Map<RequestType, Long> thatWeek = received.getOrDefault(monday, Map.of());
            for (RequestType type : RequestType.values()) {
                counts.put(type, thatWeek.getOrDefault(type, 0L));
            }
            weeks.add(new Week(monday, counts));
        }
        return weeks;
    }

    /**
     * The months of the period up to today; a request received late in the period and answered after it counts in the
     * month of its answer, shown while that month is within the period.
     */
    private static List<Month> months(ReportPeriod period, LocalDate today, Collection<RequestFacts> requests) {
        List<Month> months = new ArrayList<>();
        YearMonth last = YearMonth.from(period.to().isAfter(today) ? today : period.to());
        Map<YearMonth, List<RequestFacts>> answeredIn = requests.stream().filter(RequestFacts::answered)
                .collect(Collectors.groupingBy(r -> YearMonth.from(r.closedOn())));
        for (YearMonth month = YearMonth.from(period.from()); !month.isAfter(last); month = month.plusMonths(1)) {
            List<RequestFacts> answered = answeredIn.getOrDefault(month, List.of());
            months.add(new Month(month, answered.size(), answered.stream().filter(r -> r.daysLate().orElseThrow() == 0).count()));
        }
        return months;
    }
}
