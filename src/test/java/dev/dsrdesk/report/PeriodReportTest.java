package dev.dsrdesk.report;

/** The report of 2018 on the default run's embedded database. */
class PeriodReportTest extends PeriodReports2018 {
}
