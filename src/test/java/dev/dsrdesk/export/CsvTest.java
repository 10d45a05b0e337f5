package dev.dsrdesk.export;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class CsvTest {

    @Test
    void quotesAndDoublesQuotesKeepingTheValueExactly() {
        assertThat(Csv.quoted("Mia \"Quoted\", S.A.")).isEqualTo("\"Mia \"\"Quoted\"\", S.A.\"");
        assertThat(Csv.quoted("=1+1")).isEqualTo("\"=1+1\"");
        assertThat(Csv.quoted(null)).isEqualTo("\"\"");
    }

    @ParameterizedTest
    @ValueSource(strings = {"=HYPERLINK(\"http://evil\")", "+1", "-2+3", "@SUM(A1)", "\tx", "\rx"})
    void aSpreadsheetNeverRunsStaffTextAsAFormula(String formula) {
        assertThat(Csv.spreadsheetSafe(formula)).startsWith("\"'").endsWith("\"");
    }

    @Test
    void plainTextStaysAsItIsInASpreadsheetCell() {
        assertThat(Csv.spreadsheetSafe("Paper archive, 2 boxes")).isEqualTo("\"Paper archive, 2 boxes\"");
    }
}
