package dev.dsrdesk.connector;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.dsrdesk.fulfilment.EntityAction;
import dev.dsrdesk.fulfilment.EntityRecord;
import dev.dsrdesk.support.FreshPostgresDatabase;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.UUID;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * The SQL connector against three real databases: H2, the PostgreSQL server and the MariaDB server on this
 * machine, each with a schema the test creates. It finds exactly the subject's rows (whatever the case and spaces of
 * the stored address) and nobody else's, and changes exactly those.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class SqlStoreConnectorTest {

    private static final SqlStoreConnector.Subject SUBJECT = new SqlStoreConnector.Subject("mario.rossi@example.com", true, null, false);

    private static final Wording ENGLISH = Wording.forPeople(WordingTest.requesterMessages(), Locale.ENGLISH);

    private final SqlStoreConnector connector = new SqlStoreConnector();
    private final String mariaDbName = "dsr_conn_" + UUID.randomUUID().toString().substring(0, 8);

    Stream<DataStore.Jdbc> databases() throws SQLException {
        try (Connection admin = DriverManager.getConnection("jdbc:mariadb://127.0.0.1:3306/", "root", "");
             Statement statement = admin.createStatement()) {
            statement.execute("create database if not exists " + mariaDbName);
        }
        return Stream.of(
                new DataStore.Jdbc("jdbc:h2:mem:conn-" + UUID.randomUUID() + ";DB_CLOSE_DELAY=-1", "sa", "", null),
                new DataStore.Jdbc(FreshPostgresDatabase.create(), FreshPostgresDatabase.user(), FreshPostgresDatabase.password(),
                        null),
                new DataStore.Jdbc("jdbc:mariadb://127.0.0.1:3306/" + mariaDbName, "root", "", null));
    }

    @AfterAll
    void dropMariaDb() throws SQLException {
        connector.destroy();
        try (Connection admin = DriverManager.getConnection("jdbc:mariadb://127.0.0.1:3306/", "root", "");
             Statement statement = admin.createStatement()) {
            statement.execute("drop database if exists " + mariaDbName);
        }
    }

    @ParameterizedTest
    @MethodSource("databases")
    void findsExactlyTheSubjectsRowsWhateverTheCaseAndSpaces(DataStore.Jdbc database) {
        DataStore store = seeded(database);

        StoreFindings found = connector.find(store, new SqlStoreConnector.Subject("  Mario.Rossi@EXAMPLE.com ", true, null, false), ENGLISH);

        assertThat(found.rows()).containsExactly(new StoreFindings.TableCount("contact", 2), new StoreFindings.TableCount("ticket", 1));
        assertThat(found.records()).extracting(EntityRecord::value)
                .contains("Mario Rossi", "mario.rossi@example.com", " Mario.Rossi@Example.COM ", "Esempio S.r.l.", "Broken invoice")
                .doesNotContain("Mario Rossini", "mario.rossi2@example.com", "rossi@example.com", "Other ticket");
        assertThat(found.records()).allSatisfy(record -> assertThat(record.source()).startsWith("Test CRM · "));
        assertThat(found.records()).extracting(EntityRecord::category).contains("Contact information", "Support history");
    }

    @ParameterizedTest
    @MethodSource("databases")
    void aVerifiedPhoneNumberFindsTheRowsUnderAnotherAddressWhateverItsPunctuation(DataStore.Jdbc database) {
        DataStore store = seeded(database);

        StoreFindings found = connector.find(store, new SqlStoreConnector.Subject("mario.rossi@example.com", true, "+39 06 5550 0101", true), ENGLISH);

        assertThat(found.rows()).contains(new StoreFindings.TableCount("contact", 3));
        assertThat(found.records()).extracting(EntityRecord::value).contains("old.address@example.net")
                .doesNotContain("someone@example.net");
        assertThat(found.possibleMatches()).isEmpty();
        assertThat(connector.find(store, new SqlStoreConnector.Subject("nobody@example.org", true, "+39 06 5550 0101", true), ENGLISH).rowCount())
                .isEqualTo(1);
        assertThat(connector.find(store, new SqlStoreConnector.Subject("nobody@example.org", true, "12", true), ENGLISH).rowCount())
                .as("too few digits identify nobody").isZero();
    }

    @ParameterizedTest
    @MethodSource("databases")
    void aPhoneNumberNobodyVerifiedFindsOnlyAPossibleMatchWithItsEmailMasked(DataStore.Jdbc database) {
        DataStore store = seeded(database);

        StoreFindings found = connector.find(store, new SqlStoreConnector.Subject("mario.rossi@example.com", true, "+39 06 5550 0101", false), ENGLISH);

        assertThat(found.rows()).as("only the verified email's rows are the subject's")
                .contains(new StoreFindings.TableCount("contact", 2));
        assertThat(found.records()).extracting(EntityRecord::value).doesNotContain("old.address@example.net", "Mario R.");
        assertThat(found.possibleMatches()).singleElement().satisfies(match -> {
            assertThat(match.table()).isEqualTo("contact");
            assertThat(match.key()).isEqualTo("5");
            assertThat(match.matchedOn()).isEqualTo("phone");
            assertThat(match.maskedEmail()).isEqualTo("o*****@example.net");
        });
    }

    @ParameterizedTest
    @MethodSource("databases")
    void aPossibleMatchIsChangedOnlyWhereIncludedAndOnlyWhileItMatches(DataStore.Jdbc database) {
        DataStore store = seeded(database);
        JdbcTemplate jdbc = jdbc(database);
        SqlStoreConnector.Subject typedPhone = new SqlStoreConnector.Subject("mario.rossi@example.com", true, "+39 06 5550 0101", false);

        connector.apply(store, EntityAction.ERASE, typedPhone, Map.of(), ENGLISH);
        assertThat(jdbc.queryForList("select id from contact order by id", Integer.class))
                .as("left out unless a person includes it").containsExactly(3, 4, 5, 6);

        connector.apply(store, EntityAction.ERASE, typedPhone, Map.of("contact", List.of("6")), ENGLISH);
        assertThat(jdbc.queryForList("select id from contact order by id", Integer.class))
                .as("a key that the phone does not match changes nothing").containsExactly(3, 4, 5, 6);

        assertThat(connector.apply(store, EntityAction.ERASE, typedPhone, Map.of("contact", List.of("5")), ENGLISH))
                .containsExactly("Test CRM: one record of ‘contact’ deleted");
        assertThat(jdbc.queryForList("select id from contact order by id", Integer.class)).containsExactly(3, 4, 6);
    }

    @ParameterizedTest
    @MethodSource("databases")
    void anIncludedPossibleMatchIsFoundAgainByAKeyOfAnyType(DataStore.Jdbc database) {
        JdbcTemplate jdbc = jdbc(database);
        jdbc.execute("drop table if exists device");
        jdbc.execute("create table device (id uuid primary key, owner_email varchar(254), phone varchar(40))");
        jdbc.update("insert into device values ('0b6f1f0e-8f5e-4c56-9d0a-6f1e2d3c4b5a', 'other@example.net', '+39 06 5550 0101')");
        jdbc.update("insert into device values ('1c7a2e1f-9a6f-4d67-8e1b-7a2f3e4d5c6b', 'another@example.net', '+39 06 5550 0101')");
        DataStore store = new DataStore("devices-" + UUID.randomUUID().toString().substring(0, 8), "rome", "Devices",
                DataStore.ConnectorType.SQL, null, database, List.of(new SqlTable("device", List.of("owner_email"), List.of("phone"),
                        Map.of("Devices", List.of("id")), SqlTable.Erasure.DELETE_ROW, null, null, null, null, "id", null, null)), null, null, null, null);
        SqlStoreConnector.Subject typedPhone = new SqlStoreConnector.Subject("mario.rossi@example.com", true, "+39 06 5550 0101", false);

        List<PossibleMatch> possible = connector.find(store, typedPhone, ENGLISH).possibleMatches();
        assertThat(possible).extracting(PossibleMatch::key)
                .containsExactlyInAnyOrder("0b6f1f0e-8f5e-4c56-9d0a-6f1e2d3c4b5a", "1c7a2e1f-9a6f-4d67-8e1b-7a2f3e4d5c6b");

        assertThat(connector.apply(store, EntityAction.ERASE, typedPhone,
                Map.of("device", List.of("0b6f1f0e-8f5e-4c56-9d0a-6f1e2d3c4b5a")), ENGLISH)).containsExactly("Devices: one record of ‘device’ deleted");
        assertThat(jdbc.queryForList("select owner_email from device", String.class)).containsExactly("another@example.net");
    }

    @ParameterizedTest
    @MethodSource("databases")
    void erasureRemovesOrBlanksExactlyTheSubjectsRows(DataStore.Jdbc database) {
        DataStore store = seeded(database);
        JdbcTemplate jdbc = jdbc(database);

        List<String> changes = connector.apply(store, EntityAction.ERASE, SUBJECT, Map.of(), ENGLISH);

        assertThat(changes).containsExactly("Test CRM: 2 records of ‘contact’ deleted",
                "Test CRM: requester_email, subject removed from one record of ‘ticket’; the rest is kept");
        assertThat(jdbc.queryForList("select email from contact order by id", String.class))
                .containsExactly("mario.rossi2@example.com", "rossi@example.com", "old.address@example.net", "someone@example.net");
        assertThat(jdbc.queryForList("select subject from ticket order by id", String.class)).containsExactly(null, "Other ticket");
        assertThat(jdbc.queryForObject("select count(*) from ticket", Integer.class)).as("tickets stay").isEqualTo(2);
        assertThat(connector.find(store, SUBJECT, ENGLISH).rowCount()).isZero();
    }

    @ParameterizedTest
    @MethodSource("databases")
    void restrictionObjectionAndWithdrawnConsentFlagOnlyTheSubjectsRows(DataStore.Jdbc database) {
        DataStore store = seeded(database);
        JdbcTemplate jdbc = jdbc(database);

        assertThat(connector.apply(store, EntityAction.RESTRICT, SUBJECT, Map.of(), ENGLISH)).containsExactly(
                "Test CRM: 2 records of ‘contact’ restricted: kept, but no longer used");
        connector.apply(store, EntityAction.STOP_DIRECT_MARKETING, SUBJECT, Map.of(), ENGLISH);
        connector.apply(store, EntityAction.RECORD_CONSENT_WITHDRAWAL, SUBJECT, Map.of(), ENGLISH);

        assertThat(flags(jdbc, "restricted")).isEqualTo(Map.of(1, true, 2, true, 3, false, 4, false, 5, false, 6, false));
        assertThat(flags(jdbc, "marketing_opt_out")).isEqualTo(Map.of(1, true, 2, true, 3, false, 4, false, 5, false, 6, false));
        assertThat(flags(jdbc, "consent")).isEqualTo(Map.of(1, false, 2, false, 3, true, 4, true, 5, true, 6, true));
    }

    @ParameterizedTest
    @MethodSource("databases")
    void aFailingStatementChangesNothingInTheStore(DataStore.Jdbc database) {
        seeded(database);
        DataStore broken = new DataStore("broken-" + UUID.randomUUID().toString().substring(0, 8), "rome", "Test CRM",
                DataStore.ConnectorType.SQL, null, database, List.of(
                        contactTable(),
                        new SqlTable("ticket", List.of("requester_email"), null, Map.of(), SqlTable.Erasure.NULL_COLUMNS,
                                List.of("no_such_column"), null, null, null, "id", null, null)), null, null, null, null);

        assertThatThrownBy(() -> connector.apply(broken, EntityAction.ERASE, SUBJECT, Map.of(), ENGLISH)).isInstanceOf(RuntimeException.class);
        assertThat(jdbc(database).queryForObject("select count(*) from contact", Integer.class))
                .as("the store's transaction rolled back").isEqualTo(6);
    }

    @ParameterizedTest
    @MethodSource("databases")
    void anUnreachableStoreFailsLoudlyInsteadOfFindingNothing(DataStore.Jdbc database) {
        String absent = database.url().replace("127.0.0.1:5432", "127.0.0.1:1").replace("127.0.0.1:3306", "127.0.0.1:1")
                .replace("jdbc:h2:mem:", "jdbc:h2:mem:absent-").replace(";DB_CLOSE_DELAY=-1", ";IFEXISTS=TRUE");
        DataStore unreachable = new DataStore("gone-" + UUID.randomUUID().toString().substring(0, 8), "rome", "Gone CRM",
                DataStore.ConnectorType.SQL, null, new DataStore.Jdbc(absent, database.username(), database.password(),
                        java.time.Duration.ofMillis(500)),
                List.of(contactTable()), null, null, null, null);

        assertThatThrownBy(() -> connector.find(unreachable, SUBJECT, ENGLISH)).isInstanceOf(RuntimeException.class);
    }

    @ParameterizedTest
    @MethodSource("databases")
    void recordsAndChangesReadInTheRequestersWordsWithTheStoresLabels(DataStore.Jdbc database) {
        JdbcTemplate jdbc = jdbc(database);
        jdbc.execute("drop table if exists subscriber");
        jdbc.execute("create table subscriber (id int primary key, email varchar(254), consent_given boolean, subscribed_at timestamp)");
        jdbc.update("insert into subscriber values (1, 'mario.rossi@example.com', true, timestamp '2021-03-04 09:15:00')");
        DataStore store = new DataStore("news-" + UUID.randomUUID().toString().substring(0, 8), "trento", "Newsletter list",
                DataStore.ConnectorType.SQL, null, database, List.of(new SqlTable("subscriber", List.of("email"), null,
                        Map.of("Newsletter", List.of("consent_given", "subscribed_at")), SqlTable.Erasure.DELETE_ROW, null,
                        null, null, null, "id", Map.of("en", "Subscription", "it", "Iscrizione"),
                        Map.of("consent_given", Map.of("en", "Consent", "it", "Consenso"),
                                "subscribed_at", Map.of("en", "Subscribed on", "it", "Iscritto il")))),
                null, null, Map.of("it", "Newsletter di Trento"), Map.of("Newsletter", Map.of("it", "Iscrizione alla newsletter")));
        Wording italian = Wording.forPeople(WordingTest.requesterMessages(), Locale.ITALIAN);

        assertThat(connector.find(store, SUBJECT, italian).records()).containsExactlyInAnyOrder(
                new EntityRecord("Iscrizione alla newsletter", "Consenso", "sì", "Newsletter di Trento"),
                new EntityRecord("Iscrizione alla newsletter", "Iscritto il", "4 marzo 2021, ore 09:15", "Newsletter di Trento"));
        assertThat(connector.find(store, SUBJECT, Wording.forMachines(WordingTest.requesterMessages(), Locale.ITALIAN)).records())
                .extracting(EntityRecord::value).containsExactlyInAnyOrder("true", "2021-03-04T09:15:00");
        assertThat(connector.find(store, SUBJECT, ENGLISH).records()).extracting(EntityRecord::category, EntityRecord::field)
                .as("English has its label; a category without an English label reads as configured")
                .containsExactlyInAnyOrder(org.assertj.core.groups.Tuple.tuple("Newsletter", "Consent"),
                        org.assertj.core.groups.Tuple.tuple("Newsletter", "Subscribed on"));
        assertThat(connector.apply(store, EntityAction.ERASE, SUBJECT, Map.of(), italian))
                .containsExactly("Newsletter di Trento: un record di ‘Iscrizione’ eliminato");
    }

    @ParameterizedTest
    @MethodSource("databases")
    void eachStoreIsAskedThroughOneSmallPoolThatHoldsNothingItDoesNotUse(DataStore.Jdbc database) {
        DataStore store = seeded(database);
        for (int i = 0; i < 20; i++) {
            assertThat(connector.find(store, SUBJECT, ENGLISH).rowCount()).isEqualTo(3);
        }
        com.zaxxer.hikari.HikariDataSource pool = connector.dataSource(store);
        assertThat(connector.dataSource(store)).as("one pool per store").isSameAs(pool);
        assertThat(pool.getHikariPoolMXBean().getTotalConnections()).as("twenty questions, at most two connections")
                .isBetween(1, 2);
        assertThat(pool.getMinimumIdle()).as("none kept open for nothing").isZero();
    }

    private static Map<Integer, Boolean> flags(JdbcTemplate jdbc, String column) {
        Map<Integer, Boolean> flags = new TreeMap<>();
        jdbc.query("select id, " + column + " from contact", row -> {
            flags.put(row.getInt(1), row.getBoolean(2));
        });
        return flags;
    }

    private DataStore seeded(DataStore.Jdbc database) {
        JdbcTemplate jdbc = jdbc(database);
        jdbc.execute("drop table if exists contact");
        jdbc.execute("drop table if exists ticket");
        jdbc.execute("""
                create table contact (id int primary key, full_name varchar(200), email varchar(254), phone varchar(40),
                  company varchar(200),
                  restricted boolean default false not null, marketing_opt_out boolean default false not null,
                  consent boolean default true not null)""");
        jdbc.execute("create table ticket (id int primary key, requester_email varchar(254), subject varchar(200))");
        jdbc.update("insert into contact (id, full_name, email, company) values (1, 'Mario Rossi', 'mario.rossi@example.com', 'Esempio S.r.l.')");
        jdbc.update("insert into contact (id, full_name, email, company) values (2, 'M. Rossi', ' Mario.Rossi@Example.COM ', null)");
        jdbc.update("insert into contact (id, full_name, email, company) values (3, 'Mario Rossini', 'mario.rossi2@example.com', null)");
        jdbc.update("insert into contact (id, full_name, email, company) values (4, 'R. Rossi', 'rossi@example.com', null)");
        jdbc.update("insert into contact (id, full_name, email, phone) values (5, 'Mario R.', 'old.address@example.net', '+39 (06) 5550-0101')");
        jdbc.update("insert into contact (id, full_name, email, phone) values (6, 'Someone', 'someone@example.net', '+39 06 5550 0199')");
        jdbc.update("insert into ticket values (1, 'MARIO.ROSSI@example.com', 'Broken invoice')");
        jdbc.update("insert into ticket values (2, 'rossi@example.com', 'Other ticket')");
        return new DataStore("store-" + UUID.randomUUID().toString().substring(0, 8), "rome", "Test CRM",
                DataStore.ConnectorType.SQL, null, database, List.of(contactTable(),
                new SqlTable("ticket", List.of("requester_email"), null, Map.of("Support history", List.of("subject")),
                        SqlTable.Erasure.NULL_COLUMNS, List.of("requester_email", "subject"), null, null, null, "id", null, null)), null, null, null, null);
    }

    private static SqlTable contactTable() {
        return new SqlTable("contact", List.of("email"), List.of("phone"),
                Map.of("Contact information", List.of("full_name", "email", "phone"), "Company affiliation", List.of("company")),
                SqlTable.Erasure.DELETE_ROW, null, "restricted", "marketing_opt_out", "consent", "id", null, null);
    }

    private static JdbcTemplate jdbc(DataStore.Jdbc database) {
        return new JdbcTemplate(SqlStoreConnector.connect(database));
    }
}
