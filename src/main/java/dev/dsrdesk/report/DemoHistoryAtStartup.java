package dev.dsrdesk.report;

import java.time.Clock;
import java.time.LocalDate;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.annotation.Profile;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

/**
 * Fills a demo desk with the months of history {@code dsr.demo.history-months} asks for, once per database: a restart
 * on the same H2 file finds the history there and writes nothing. Only in the demo profile, never with prod.
 */
@Component
@Profile("demo & !prod")
class DemoHistoryAtStartup {

    private static final Logger log = LoggerFactory.getLogger(DemoHistoryAtStartup.class);

    private final DemoHistorySettings settings;
    private final DemoHistory history;
    private final Clock clock;

    DemoHistoryAtStartup(DemoHistorySettings settings, DemoHistory history, Clock clock) {
        this.settings = settings;
        this.history = history;
        this.clock = clock;
    }

    @EventListener(ApplicationReadyEvent.class)
    void fill() {
        if (settings.historyMonths() == 0 || history.exists()) {
            return;
        }
        int written = history.generate(LocalDate.now(clock), settings.historyMonths(), settings.historySeed());
        log.info("Demo history: {} made-up ended requests over {} months (dsr.demo.history-months)", written,
                settings.historyMonths());
    }
}
