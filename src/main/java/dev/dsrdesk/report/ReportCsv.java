package dev.dsrdesk.report;

import dev.dsrdesk.export.Csv;
import java.util.ArrayList;
import java.util.List;

/**
 * The report as one table: a row for all requests, then one per right, entity, jurisdiction and CCPA kind of request
 * (California residents), each with every figure, so a spreadsheet filters by the first two columns.
 */
final class ReportCsv {

    private ReportCsv() {
    }

    static String of(PeriodReport report) {
        List<String> header = new ArrayList<>(List.of("period_from", "period_to", "dimension", "group", "received",
                "answered_in_full", "answered_in_part", "refused"));
        for (RefusalReason reason : RefusalReason.values()) {
            header.add(reason.csvColumn());
        }
        header.addAll(List.of("withdrawn", "unverified", "closed_unanswered", "closed_as_duplicate", "open",
                "answered_on_time", "answered_late", "late_days_median", "late_days_mean", "late_days_max", "extended",
                "days_to_answer_median", "days_to_answer_mean", "complied_in_whole_or_in_part", "denied"));
        StringBuilder csv = new StringBuilder(Csv.row(header.toArray(String[]::new)));
        csv.append(row(report, "all", "all", report.all()));
        report.byRight().forEach(group -> csv.append(row(report, "right", group.key(), group.figures())));
        report.byEntity().forEach(group -> csv.append(row(report, "entity", group.key(), group.figures())));
        report.byJurisdiction().forEach(group -> csv.append(row(report, "jurisdiction", group.key(), group.figures())));
        report.ccpa().forEach(ccpa -> csv.append(row(report, "ccpa_california", ccpa.right().name(), ccpa.figures())));
        return csv.toString();
    }

    private static String row(PeriodReport report, String dimension, String group, Figures figures) {
        List<String> cells = new ArrayList<>(List.of(report.period().from().toString(), report.period().to().toString(),
                dimension, group, n(figures.received()), n(figures.count(Outcome.ANSWERED_IN_FULL)),
                n(figures.count(Outcome.ANSWERED_IN_PART)), n(figures.count(Outcome.REFUSED))));
        for (RefusalReason reason : RefusalReason.values()) {
            cells.add(n(figures.refused(reason)));
        }
        cells.addAll(List.of(n(figures.count(Outcome.WITHDRAWN)), n(figures.count(Outcome.UNVERIFIED)),
                n(figures.count(Outcome.CLOSED_UNANSWERED)), n(figures.count(Outcome.CLOSED_AS_DUPLICATE)),
                n(figures.count(Outcome.OPEN)), n(figures.onTime()), n(figures.lateCount()), figures.late().medianShown(),
                figures.late().meanShown(), figures.late().maxShown(), n(figures.extended()),
                figures.daysToAnswer().medianShown(), figures.daysToAnswer().meanShown(),
                n(figures.compliedInWholeOrInPart()), n(figures.denied())));
        return Csv.row(cells.toArray(String[]::new));
    }

    private static String n(long value) {
        return Long.toString(value);
    }
}
