package dev.dsrdesk.report;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * The demo's made-up history for the report ({@code dsr.demo.*}): off unless asked for, e.g.
 * {@code --dsr.demo.history-months=12} for the screenshots.
 *
 * @param historyMonths how many months before today to fill with ended requests; 0 writes none
 * @param historySeed the same seed gives the same history
 */
@ConfigurationProperties(prefix = "dsr.demo")
record DemoHistorySettings(@DefaultValue("0") int historyMonths, @DefaultValue("20260101") long historySeed) {

    DemoHistorySettings {
        if (historyMonths < 0 || historyMonths > 60) {
            throw new IllegalArgumentException("dsr.demo.history-months must be between 0 and 60, not " + historyMonths);
        }
    }
}
