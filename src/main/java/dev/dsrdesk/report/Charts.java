package dev.dsrdesk.report;

import dev.dsrdesk.request.RequestType;
import java.time.format.TextStyle;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * The report's charts as SVG drawn on the server: each one an image with a title and a description a screen reader
 * reads, every bar with its figure written beside it and a tooltip, so the page needs no script and prints as it
 * shows.
 */
final class Charts {

    /** Okabe–Ito colours: told apart by people with any common colour-vision deficiency. */
    private static final Map<RequestType, String> COLOURS = Map.of(
            RequestType.ACCESS, "#0072B2", RequestType.RECTIFICATION, "#E69F00", RequestType.ERASURE, "#009E73",
            RequestType.RESTRICTION, "#CC79A7", RequestType.PORTABILITY, "#56B4E9", RequestType.OBJECTION, "#D55E00",
            RequestType.WITHDRAW_CONSENT, "#444444");

    private static final int WIDTH = 960;

    private Charts() {
    }

    /** Stacked bars: the requests received each week, one colour per right, with a legend. */
    static String requestsPerWeek(List<PeriodReport.Week> weeks) {
        int top = 20;
        int plotHeight = 220;
        int left = 40;
        int plotWidth = WIDTH - left - 10;
        int legendY = top + plotHeight + 40;
        long most = Math.max(1, weeks.stream().mapToLong(PeriodReport.Week::total).max().orElse(0));
        long total = weeks.stream().mapToLong(PeriodReport.Week::total).sum();
        PeriodReport.Week busiest = weeks.stream().max(java.util.Comparator.comparingLong(PeriodReport.Week::total)).orElse(null);
        StringBuilder svg = open("chart-weekly", legendY + 30, "Requests received per week, by right",
                total + " requests in " + weeks.size() + " weeks"
                        + (busiest == null || busiest.total() == 0 ? "." : "; the busiest week began " + busiest.monday()
                        + " with " + busiest.total() + ".") + " Each bar is a week, its colours the rights asked for.");
        axis(svg, left, top, plotWidth, plotHeight, most);
        double slot = plotWidth / (double) Math.max(1, weeks.size());
        int labelEvery = Math.max(1, (int) Math.ceil(weeks.size() / 12.0));
        for (int i = 0; i < weeks.size(); i++) {
            PeriodReport.Week week = weeks.get(i);
            double x = left + i * slot;
            double y = top + plotHeight;
            StringBuilder tip = new StringBuilder("Week of " + week.monday() + ": " + week.total());
            svg.append("<g class=\"week\">");
            for (RequestType type : RequestType.values()) {
                long count = week.received().get(type);
                if (count == 0) {
                    continue;
                }
                double h = plotHeight * count / (double) most;
                y -= h;
                svg.append(String.format(Locale.ROOT, "<rect x=\"%.1f\" y=\"%.1f\" width=\"%.1f\" height=\"%.1f\" fill=\"%s\"/>",
                        x + slot * 0.1, y, slot * 0.8, h, COLOURS.get(type)));
                tip.append(", ").append(RightLabels.shortOf(type)).append(' ').append(count);
            }
            svg.append("<title>").append(escape(tip.toString())).append("</title></g>");
            if (i % labelEvery == 0) {
                svg.append(String.format(Locale.ROOT, "<text class=\"tick\" x=\"%.1f\" y=\"%d\">%s</text>", x, top + plotHeight + 16,
                        week.monday().getDayOfMonth() + " " + week.monday().getMonth().getDisplayName(TextStyle.SHORT, Locale.ENGLISH)
                                + (week.monday().getMonthValue() == 1 || i == 0 ? " " + week.monday().getYear() : "")));
            }
        }
        int x = left;
        for (RequestType type : RequestType.values()) {
            String name = RightLabels.shortOf(type);
            svg.append(String.format(Locale.ROOT, "<rect x=\"%d\" y=\"%d\" width=\"12\" height=\"12\" fill=\"%s\"/>"
                    + "<text class=\"legend\" x=\"%d\" y=\"%d\">%s</text>", x, legendY, COLOURS.get(type), x + 16, legendY + 11,
                    escape(name)));
            x += 24 + name.length() * 8;
        }
        return svg.append("</svg>").toString();
    }

    /** One bar per month: the share of that month's responses sent by their due date, the percentage on the bar. */
    static String onTimePerMonth(List<PeriodReport.Month> months) {
        int top = 24;
        int plotHeight = 180;
        int left = 40;
        int plotWidth = WIDTH - left - 10;
        StringBuilder summary = new StringBuilder("Share of responses sent by their due date, month by month:");
        for (PeriodReport.Month month : months) {
            summary.append(' ').append(monthName(month)).append(' ')
                    .append(month.onTimePercent() == null ? "none answered" : month.onTimePercent() + "%").append(';');
        }
        StringBuilder svg = open("chart-on-time", top + plotHeight + 30, "Share answered on time, per month",
                summary.substring(0, summary.length() - 1) + ".");
        axisPercent(svg, left, top, plotWidth, plotHeight);
        double slot = plotWidth / (double) Math.max(1, months.size());
        for (int i = 0; i < months.size(); i++) {
            PeriodReport.Month month = months.get(i);
            double x = left + i * slot;
            Integer share = month.onTimePercent();
            String label = share == null ? "–" : share + "%";
            svg.append("<g class=\"month\">");
            if (share != null) {
                double h = plotHeight * share / 100.0;
                svg.append(String.format(Locale.ROOT, "<rect x=\"%.1f\" y=\"%.1f\" width=\"%.1f\" height=\"%.1f\" fill=\"%s\"/>",
                        x + slot * 0.15, top + plotHeight - h, slot * 0.7, h, share >= 90 ? "#0b5cad" : "#a4161a"));
            }
            svg.append(String.format(Locale.ROOT, "<text class=\"value\" x=\"%.1f\" y=\"%.1f\" text-anchor=\"middle\">%s</text>",
                    x + slot / 2, top + plotHeight - (share == null ? 0 : plotHeight * share / 100.0) - 4, label));
            svg.append(String.format(Locale.ROOT, "<text class=\"tick\" x=\"%.1f\" y=\"%d\" text-anchor=\"middle\">%s</text>",
                    x + slot / 2, top + plotHeight + 16, escape(monthName(month))));
            svg.append("<title>").append(escape(monthName(month) + ": " + month.onTime() + " of " + month.answered()
                    + " on time")).append("</title></g>");
        }
        return svg.append("</svg>").toString();
    }

    /** One horizontal bar per entity: the share of its answers that came after the step's due date. */
    static String entityLateness(List<EntityLateness> entities) {
        int rowHeight = 30;
        int labelWidth = 170;
        int barWidth = 420;
        StringBuilder summary = new StringBuilder("Share of each entity's answers after its due date:");
        for (EntityLateness entity : entities) {
            summary.append(' ').append(entity.entity()).append(' ').append(entity.latePercent()).append("% late;");
        }
        StringBuilder svg = open("chart-entities", entities.size() * rowHeight + 20, "Each entity's lateness",
                summary.substring(0, summary.length() - 1) + ".");
        for (int i = 0; i < entities.size(); i++) {
            EntityLateness entity = entities.get(i);
            int y = 10 + i * rowHeight;
            long timed = entity.onTime() + entity.late().count();
            String words = entity.late().count() + " of " + timed + " late (" + entity.latePercent() + "%)"
                    + (entity.late().count() == 0 ? "" : ", by " + entity.late().meanShown() + " days on average, "
                    + entity.late().maxShown() + " at most");
            svg.append("<g class=\"entity\">");
            svg.append(String.format(Locale.ROOT, "<text class=\"label\" x=\"0\" y=\"%d\">%s</text>", y + 15, escape(entity.entity())));
            svg.append(String.format(Locale.ROOT, "<rect x=\"%d\" y=\"%d\" width=\"%d\" height=\"18\" fill=\"#e3e8ed\"/>",
                    labelWidth, y, barWidth));
            svg.append(String.format(Locale.ROOT, "<rect x=\"%d\" y=\"%d\" width=\"%.1f\" height=\"18\" fill=\"#a4161a\"/>",
                    labelWidth, y, barWidth * entity.latePercent() / 100.0));
            svg.append(String.format(Locale.ROOT, "<text class=\"value\" x=\"%d\" y=\"%d\">%s</text>", labelWidth + barWidth + 8,
                    y + 14, escape(words)));
            svg.append("<title>").append(escape(entity.entity() + ": " + words)).append("</title></g>");
        }
        return svg.append("</svg>").toString();
    }

    private static StringBuilder open(String id, int height, String title, String description) {
        return new StringBuilder(String.format(Locale.ROOT, "<svg xmlns=\"http://www.w3.org/2000/svg\" class=\"chart\" id=\"%s\" "
                        + "viewBox=\"0 0 %d %d\" role=\"img\" aria-labelledby=\"%s-title %s-desc\">"
                        + "<title id=\"%s-title\">%s</title><desc id=\"%s-desc\">%s</desc>",
                id, WIDTH, height, id, id, id, escape(title), id, escape(description)));
    }

    private static void axis(StringBuilder svg, int left, int top, int width, int height, long most) {
        svg.append(String.format(Locale.ROOT, "<line class=\"axis\" x1=\"%d\" y1=\"%d\" x2=\"%d\" y2=\"%d\"/>", left, top + height,
                left + width, top + height));
        for (long mark : List.of(0L, most / 2, most)) {
            double y = top + height - height * mark / (double) most;
            svg.append(String.format(Locale.ROOT, "<text class=\"tick\" x=\"%d\" y=\"%.1f\" text-anchor=\"end\">%d</text>",
                    left - 6, y + 4, mark));
        }
    }

    private static void axisPercent(StringBuilder svg, int left, int top, int width, int height) {
        svg.append(String.format(Locale.ROOT, "<line class=\"axis\" x1=\"%d\" y1=\"%d\" x2=\"%d\" y2=\"%d\"/>", left, top + height,
                left + width, top + height));
        for (int mark : List.of(0, 50, 100)) {
            double y = top + height - height * mark / 100.0;
            svg.append(String.format(Locale.ROOT, "<line class=\"grid\" x1=\"%d\" y1=\"%.1f\" x2=\"%d\" y2=\"%.1f\"/>"
                    + "<text class=\"tick\" x=\"%d\" y=\"%.1f\" text-anchor=\"end\">%d%%</text>",
                    left, y, left + width, y, left - 6, y + 4, mark));
        }
    }

    private static String monthName(PeriodReport.Month month) {
        return month.month().getMonth().getDisplayName(TextStyle.SHORT, Locale.ENGLISH) + " " + month.month().getYear();
    }

    static String escape(String text) {
        return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;").replace("\"", "&quot;");
    }
}
