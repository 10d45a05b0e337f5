package dev.dsrdesk.database;

import com.zaxxer.hikari.HikariDataSource;
import org.springframework.beans.factory.config.BeanPostProcessor;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * Two session settings for the desk's PostgreSQL connections, both measured at 100,000 open tasks (issue 8) on
 * Camunda's count for an entity's Tasklist filter:
 * <ul>
 * <li>{@code plan_cache_mode = force_custom_plan}: the JDBC driver prepares a statement on the server after five
 * runs, and PostgreSQL then plans it once for any parameter. That generic plan cannot see which permission bits
 * Camunda asks for, guesses 8 matching authorizations instead of 20,000, and joins every task with every
 * authorization: 16–24 s per count instead of 0.2 s. Planning each run costs about 2 ms.</li>
 * <li>{@code jit = off}: the same query costs enough for PostgreSQL's JIT compiler to step in, which spent 0.9 s
 * compiling a query that runs in 0.14 s. The desk's queries are short and many; JIT never repays itself.</li>
 * </ul>
 * H2 is left as it is.
 */
@Configuration(proxyBeanMethods = false)
class PostgresConnections {

    static final String SESSION_OPTIONS = "-c plan_cache_mode=force_custom_plan -c jit=off";

    @Bean
    static BeanPostProcessor desksPostgresSessions() {
        return new BeanPostProcessor() {
            @Override
            public Object postProcessAfterInitialization(Object bean, String beanName) {
                if (bean instanceof HikariDataSource pool && isPostgres(pool.getJdbcUrl())
                        && !pool.getDataSourceProperties().containsKey("options")) {
                    pool.addDataSourceProperty("options", SESSION_OPTIONS);
                }
                return bean;
            }
        };
    }

    static boolean isPostgres(String jdbcUrl) {
        return jdbcUrl != null && jdbcUrl.startsWith("jdbc:postgresql:");
    }
}
