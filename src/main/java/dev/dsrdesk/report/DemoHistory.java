package dev.dsrdesk.report;

import dev.dsrdesk.request.RequestChannel;
import dev.dsrdesk.request.RequestNumbers;
import dev.dsrdesk.request.RequestStatus;
import dev.dsrdesk.request.RequestType;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.springframework.context.annotation.Profile;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * Months of made-up, ended requests, so the report has a history to show on a demo desk and in tests. The same seed
 * gives the same requests. Nobody's data: references start with DEMO-, names are "Demo requester 000123", addresses
 * {@code demo-000123@example.invalid} (a domain that cannot exist, RFC 2606), no phone, no details. Never in prod.
 *
 * <p>Only ended requests are written: an open one would need a process instance behind it to be worked, and without
 * one it would sit on the dashboard for ever.
 */
@Component
@Profile("!prod")
public class DemoHistory {

    static final String REFERENCE_PREFIX = "DEMO-";
    private static final String ACTOR = "demo-history";

    private final JdbcTemplate jdbc;
    private final RequestNumbers numbers;
    private final ZoneId zone;

    DemoHistory(JdbcTemplate jdbc, RequestNumbers numbers, Clock clock) {
        this.jdbc = jdbc;
        this.numbers = numbers;
        this.zone = clock.getZone();
    }

    /** Whether a history was written already, e.g. before a restart of the demo on the same H2 file. */
    public boolean exists() {
        Long count = jdbc.queryForObject("select count(*) from data_subject_request where reference like ?", Long.class,
                REFERENCE_PREFIX + "%");
        return count != null && count > 0;
    }

    /**
     * Writes the requests received in the {@code months} months before {@code until} (exclusive) that ended before it.
     *
     * @return how many requests were written
     */
    @Transactional
    public int generate(LocalDate until, int months, long seed) {
        List<DemoRequest> requests = plan(until, months, seed);
        requests.forEach(this::insert);
        return requests.size();
    }

    /** The requests {@link #generate} writes, without writing them. */
    public List<DemoRequest> plan(LocalDate until, int months, long seed) {
        Random random = new Random(seed);
        Instant end = until.atStartOfDay(zone).toInstant();
        List<DemoRequest> requests = new ArrayList<>();
        for (LocalDate day = until.minusMonths(months); day.isBefore(until); day = day.plusDays(1)) {
            // fewer requests at weekends and in August, as a privacy desk sees them
            int perDay = switch (day.getDayOfWeek()) {
                case SATURDAY, SUNDAY -> random.nextInt(2);
                default -> day.getMonthValue() == 8 ? random.nextInt(2) : random.nextInt(3);
            };
            for (int i = 0; i < perDay; i++) {
                Instant received = day.atTime(8 + random.nextInt(11), random.nextInt(60)).atZone(zone).toInstant();
                DemoRequest request = made(random, received);
                if (!request.closedAt().isAfter(end)) {
                    requests.add(request);
                }
            }
        }
        return requests;
    }

    /** Writes one request as the desk would have left it; returns its reference. */
    @Transactional
    public String insert(DemoRequest request) {
        long id = numbers.next();
        String number = String.format("%06d", id);
        String reference = REFERENCE_PREFIX + request.receivedAt().atZone(zone).getYear() + "-" + number;
        jdbc.update("""
                insert into data_subject_request (id, reference, request_type, status, full_name, email, country, region,
                    language, channel, entered_by, received_at, due_date, extended_due_date, extension_reason, extended_at,
                    extended_by, verified_at, closed_at, version)
                values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, 0)""",
                id, reference, request.type().name(), request.status().name(), "Demo requester " + number,
                "demo-" + number + "@example.invalid", request.country(), request.region(), language(request.country()),
                request.channel().name(), request.channel().isStaffEntered() ? ACTOR : null, ts(request.receivedAt()),
                request.dueDate(), request.extendedDueDate(), request.extendedAt() == null ? null : "Demo: complex request",
                ts(request.extendedAt()), request.extendedAt() == null ? null : ACTOR, ts(request.verifiedAt()),
                ts(request.closedAt()));
        for (DemoRequest.Step step : request.steps()) {
            jdbc.update("""
                    insert into entity_step (request_id, entity_id, action, state, due_date, opened_at, completed_by,
                        completed_at, retained, retention_reason, kept_data)
                    values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)""",
                    id, step.entity(), step.action(), step.state(), step.dueDate(), ts(step.openedAt()),
                    step.completedAt() == null ? null : ACTOR, ts(step.completedAt()), step.retained(),
                    step.retained() == null ? null : "Demo: legal obligation", step.retained() != null);
        }
        event(reference, "RECEIVED", request.channel().name(), request.receivedAt());
        for (DemoRequest.Event event : request.events()) {
            event(reference, event.type(), event.details(), event.at());
        }
        event(reference, "CLOSED", request.status().name(), request.closedAt());
        return reference;
    }

    private void event(String reference, String type, String details, Instant at) {
        jdbc.update("insert into audit_event (reference, event_type, actor, details, origin, occurred_at) values (?, ?, ?, ?, ?, ?)",
                reference, type, ACTOR, details, "demo history", ts(at));
    }

    private DemoRequest made(Random random, Instant received) {
        RequestType type = pick(random, new RequestType[] {RequestType.ACCESS, RequestType.ERASURE, RequestType.OBJECTION,
                RequestType.WITHDRAW_CONSENT, RequestType.RECTIFICATION, RequestType.PORTABILITY, RequestType.RESTRICTION},
                new int[] {30, 25, 12, 10, 10, 7, 6});
        String[] place = pick(random, new String[][] {{"IT", null}, {"BR", null}, {"US", "US-CA"}, {"US", null}, {"DE", null},
                {"FR", null}, {"ES", null}}, new int[] {45, 20, 15, 4, 6, 5, 5});
        String country = place[0];
        String region = place[1];
        RequestChannel channel = random.nextInt(10) == 0 ? RequestChannel.POST : RequestChannel.SELF_SERVICE;
        LocalDate receivedOn = received.atZone(zone).toLocalDate();
        boolean californianOptOut = "US-CA".equals(region)
                && (type == RequestType.OBJECTION || type == RequestType.WITHDRAW_CONSENT);
        // roughly the statutory dates: LGPD's 15 days, the CCPA's 45 days or, for an opt-out, 15 business days
        LocalDate due = "BR".equals(country) ? receivedOn.plusDays(15)
                : californianOptOut ? receivedOn.plusDays(21)
                : "US-CA".equals(region) ? receivedOn.plusDays(45) : receivedOn.plusMonths(1);
        List<DemoRequest.Event> events = new ArrayList<>();
        int roll = random.nextInt(100);
        if (roll < 8) {
            return new DemoRequest(type, channel, country, region, received, due, null, null, null,
                    RequestStatus.CLOSED_UNVERIFIED, received.plus(Duration.ofDays(7)), List.of(), events);
        }
        Instant verified = received.plus(Duration.ofHours(1 + random.nextInt(40)));
        events.add(new DemoRequest.Event("VERIFIED", null, verified));
        if (roll < 13) {
            Instant closed = verified.plus(Duration.ofDays(2 + random.nextInt(6)));
            int why = random.nextInt(20);
            if (why < 10) {
                events.add(new DemoRequest.Event("TRIAGED", "REJECT", closed));
            } else if (why < 17) {
                events.add(new DemoRequest.Event("IDENTITY_NOT_ESTABLISHED", null, closed));
            } else {
                events.add(new DemoRequest.Event("AGENT_PERMISSION_REFUSED", null, closed));
            }
            return new DemoRequest(type, channel, country, region, received, due, null, null, verified,
                    RequestStatus.REJECTED, closed, List.of(), events);
        }
        if (roll < 15) {
            return new DemoRequest(type, channel, country, region, received, due, null, null, verified,
                    RequestStatus.CLOSED_UNANSWERED, verified.plus(Duration.ofDays(30)), List.of(), events);
        }
        if (roll < 17) {
            return new DemoRequest(type, channel, country, region, received, due, null, null, verified,
                    RequestStatus.CLOSED_AS_DUPLICATE, verified.plus(Duration.ofDays(1 + random.nextInt(10))), List.of(), events);
        }
        events.add(new DemoRequest.Event("TRIAGED", "ACCEPT", verified.plus(Duration.ofHours(4 + random.nextInt(44)))));
        boolean withdrawn = roll < 21;
        Instant opened = verified.plus(Duration.ofDays(1 + random.nextInt(2)));
        List<DemoRequest.Step> steps = new ArrayList<>();
        Instant lastAnswer = opened;
        boolean retainedSome = false;
        Instant withdrawnAt = opened.plus(Duration.ofDays(1 + random.nextInt(4)));
        for (String entity : new String[] {"rome", "trento", "sao-paulo", "pleasant-hill", "google-analytics"}) {
            if (!involved(random, entity, type, country)) {
                steps.add(new DemoRequest.Step(entity, "NOT_INVOLVED", null, null, null, null, null));
                continue;
            }
            LocalDate stepDue = opened.atZone(zone).toLocalDate().plusDays("BR".equals(country) ? 7 : 10);
            if (withdrawn) {
                steps.add(new DemoRequest.Step(entity, "WITHDRAWN", action(type), opened, stepDue, null, null));
                continue;
            }
            Instant answered = opened.plus(Duration.ofHours(2 + random.nextInt(24 * speed(entity))));
            lastAnswer = answered.isAfter(lastAnswer) ? answered : lastAnswer;
            boolean keeps = type == RequestType.ERASURE && random.nextInt(5) == 0;
            retainedSome |= keeps;
            steps.add(new DemoRequest.Step(entity, random.nextInt(10) < 3 ? "NO_DATA" : "DONE", action(type), opened, stepDue,
                    answered, keeps ? "Invoices (tax records)" : null));
        }
        if (withdrawn) {
            events.add(new DemoRequest.Event("WITHDRAWN", null, withdrawnAt));
            return new DemoRequest(type, channel, country, region, received, due, null, null, verified,
                    RequestStatus.WITHDRAWN, withdrawnAt, steps, events);
        }
        LocalDate extendedDue = null;
        Instant extendedAt = null;
        // LGPD's access period and the CCPA's opt-out take no extension
        if (!"BR".equals(country) && !californianOptOut && random.nextInt(100) < 8) {
            extendedAt = received.plus(Duration.ofDays(15 + random.nextInt(10)));
            extendedDue = "US-CA".equals(region) ? due.plusDays(45) : due.plusMonths(2);
            events.add(new DemoRequest.Event("EXTENDED", null, extendedAt));
        }
        // the review takes a day or two after the last answer; one in ten slips past its due date
        Instant reviewed = lastAnswer.plus(Duration.ofHours(6 + random.nextInt(42)));
        LocalDate finalDue = extendedDue != null ? extendedDue : due;
        if (random.nextInt(10) == 0) {
            Instant late = finalDue.plusDays(1 + random.nextInt(14)).atTime(11, 0).atZone(zone).toInstant();
            reviewed = late.isAfter(reviewed) ? late : reviewed;
        } else if (extendedDue != null) {
            Instant afterFirstMonth = due.plusDays(5 + random.nextInt(20)).atTime(11, 0).atZone(zone).toInstant();
            reviewed = afterFirstMonth.isAfter(reviewed) ? afterFirstMonth : reviewed;
        }
        events.add(new DemoRequest.Event("APPROVED", null, reviewed));
        return new DemoRequest(type, channel, country, region, received, due, extendedDue, extendedAt, verified,
                RequestStatus.CLOSED, reviewed, steps, events);
    }

    /** Most answers come within days; Pleasant Hill's small team often takes over its ten. */
    private static int speed(String entity) {
        return switch (entity) {
            case "rome" -> 6;
            case "trento" -> 9;
            case "sao-paulo" -> 7;
            case "pleasant-hill" -> 14;
            default -> 11;
        };
    }

    private static boolean involved(Random random, String entity, RequestType type, String country) {
        return switch (entity) {
            case "rome" -> true;
            case "trento" -> random.nextInt(10) < 6;
            case "sao-paulo" -> "BR".equals(country) || random.nextInt(10) < 3;
            case "pleasant-hill" -> "US".equals(country) || random.nextInt(4) == 0;
            default -> type != RequestType.RECTIFICATION && type != RequestType.RESTRICTION && random.nextInt(10) < 7;
        };
    }

    private static String action(RequestType type) {
        return switch (type) {
            case ACCESS, PORTABILITY -> "EXPORT";
            case RECTIFICATION -> "RECTIFY";
            case ERASURE -> "ERASE";
            case RESTRICTION -> "RESTRICT";
            case OBJECTION -> "STOP_DIRECT_MARKETING";
            case WITHDRAW_CONSENT -> "RECORD_CONSENT_WITHDRAWAL";
        };
    }

    private static String language(String country) {
        return switch (country) {
            case "IT" -> "it";
            case "BR" -> "pt-BR";
            default -> "en";
        };
    }

    private static <T> T pick(Random random, T[] values, int[] weights) {
        int total = 0;
        for (int weight : weights) {
            total += weight;
        }
        int roll = random.nextInt(total);
        for (int i = 0; i < values.length; i++) {
            roll -= weights[i];
            if (roll < 0) {
                return values[i];
            }
        }
        throw new IllegalStateException("weights do not add up");
    }

    private static Timestamp ts(Instant instant) {
        return instant == null ? null : Timestamp.from(instant);
    }
}
