package dev.dsrdesk.dashboard;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** The board's speeds say how long, in the unit a person would use, so a fast entity does not read "0.0". */
class DurationInWordsTest {

    @ParameterizedTest(name = "{0} days → {1}")
    @CsvSource(delimiter = '|', value = {
            "0.0000001 | under 1 min",
            "0.0139    | 20 min",
            "0.5       | 12.0 h",
            "1.9       | 45.6 h",
            "2.25      | 2.3 days",
            "31        | 31.0 days"})
    void speedsReadInTheirOwnUnit(double days, String shown) {
        assertThat(DurationInWords.ofDays(days)).isEqualTo(shown);
    }
}
