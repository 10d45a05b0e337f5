package dev.dsrdesk.report;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.LocalDate;
import org.junit.jupiter.api.Test;

/** The period a caller asks for: a year, a range of at most five years, or this year; anything else a clear sentence. */
class ReportPeriodTest {

    private static final LocalDate TODAY = LocalDate.of(2026, 12, 2);

    @Test
    void aYearCoversItsFirstToItsLastDay() {
        assertThat(ReportPeriod.of("2025", null, null, TODAY))
                .isEqualTo(new ReportPeriod(LocalDate.of(2025, 1, 1), LocalDate.of(2025, 12, 31), true));
    }

    @Test
    void withoutParametersTheReportCoversThisYear() {
        assertThat(ReportPeriod.of(null, "", " ", TODAY).from()).isEqualTo(LocalDate.of(2026, 1, 1));
    }

    @Test
    void aRangeKeepsBothEndsAndMayLastFiveYearsExactly() {
        ReportPeriod range = ReportPeriod.of(null, "2021-01-01", "2025-12-31", TODAY);
        assertThat(range).isEqualTo(new ReportPeriod(LocalDate.of(2021, 1, 1), LocalDate.of(2025, 12, 31), false));
        assertThat(range.label()).isEqualTo("2021-01-01 to 2025-12-31");
        assertThat(ReportPeriod.of(null, "2026-03-01", "2026-03-01", TODAY).to()).isEqualTo(LocalDate.of(2026, 3, 1));
    }

    @Test
    void badPeriodsAreRefusedWithWhatToDo() {
        assertThatThrownBy(() -> ReportPeriod.of(null, "2026-05-01", "2026-01-01", TODAY))
                .isInstanceOf(ReportPeriod.BadPeriod.class).hasMessage("The range starts (2026-05-01) after it ends (2026-01-01).");
        assertThatThrownBy(() -> ReportPeriod.of(null, "2021-01-01", "2026-01-01", TODAY))
                .hasMessage("A range covers at most 5 years; 2021-01-01 to 2026-01-01 is longer.");
        assertThatThrownBy(() -> ReportPeriod.of(null, "2026-01-01", null, TODAY))
                .hasMessage("A range needs both from and to, as dates such as 2026-01-01.");
        assertThatThrownBy(() -> ReportPeriod.of("2026", "2026-01-01", "2026-02-01", TODAY))
                .hasMessageStartingWith("Choose either a year");
        assertThatThrownBy(() -> ReportPeriod.of(null, "31/01/2026", "2026-02-01", TODAY))
                .hasMessage("from must be a date such as 2026-01-31 (year-month-day); \"31/01/2026\" is not.");
        assertThatThrownBy(() -> ReportPeriod.of("twenty", null, null, TODAY))
                .hasMessage("year must be a year such as 2026; \"twenty\" is not.");
        assertThatThrownBy(() -> ReportPeriod.of("99999", null, null, TODAY)).hasMessage("year must be between 1900 and 9998.");
        assertThatThrownBy(() -> ReportPeriod.of("x".repeat(500), null, null, TODAY))
                .as("the caller's text comes back shortened").hasMessageEndingWith("xxxxxxxxxx…\" is not.");
    }
}
