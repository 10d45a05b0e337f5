package dev.dsrdesk.database;

import com.zaxxer.hikari.HikariDataSource;
import org.springframework.beans.factory.config.BeanPostProcessor;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * The desk's PostgreSQL connections run without JIT compilation. Measured at 100,000 open tasks (issue 8): an
 * entity's Tasklist count costs enough for PostgreSQL's JIT to step in, and it spent 0.9 s compiling a query that
 * runs in 0.14 s. The desk's queries are short and many; JIT never repays itself here. H2 is left as it is.
 */
@Configuration(proxyBeanMethods = false)
class PostgresConnections {

    static final String NO_JIT = "set jit = off";

    @Bean
    static BeanPostProcessor noJitOnPostgres() {
        return new BeanPostProcessor() {
            @Override
            public Object postProcessAfterInitialization(Object bean, String beanName) {
                if (bean instanceof HikariDataSource pool && isPostgres(pool.getJdbcUrl())
                        && pool.getConnectionInitSql() == null) {
                    pool.setConnectionInitSql(NO_JIT);
                }
                return bean;
            }
        };
    }

    static boolean isPostgres(String jdbcUrl) {
        return jdbcUrl != null && jdbcUrl.startsWith("jdbc:postgresql:");
    }
}
