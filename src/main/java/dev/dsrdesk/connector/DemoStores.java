package dev.dsrdesk.connector;

import org.springframework.beans.factory.InitializingBean;
import org.springframework.context.annotation.Profile;
import org.springframework.core.io.ClassPathResource;
import org.springframework.jdbc.datasource.init.ResourceDatabasePopulator;
import org.springframework.stereotype.Component;

/**
 * The demo profile's data stores are seeded from classpath:demo-stores/&lt;store id&gt;.sql when the desk starts,
 * before any job can reach them. The scripts seed once: rows the desk erased stay erased after a restart.
 */
@Component
@Profile("demo")
class DemoStores implements InitializingBean {

    private final DataStores stores;

    DemoStores(DataStores stores) {
        this.stores = stores;
    }

    @Override
    public void afterPropertiesSet() {
        for (DataStore store : stores.stores()) {
            ClassPathResource script = new ClassPathResource("demo-stores/" + store.id() + ".sql");
            if (store.jdbc() != null && script.exists()) {
                new ResourceDatabasePopulator(script).execute(SqlStoreConnector.connect(store.jdbc()));
            }
        }
    }
}
