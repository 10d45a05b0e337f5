package dev.dsrdesk.connector;

import jakarta.validation.Valid;
import java.util.List;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.validation.annotation.Validated;

/** The entities' data stores ({@code dsr.stores}); an entity without any keeps its manual Tasklist step. */
@Validated
@ConfigurationProperties(prefix = "dsr")
public record DataStores(List<@Valid DataStore> stores) {

    public DataStores {
        stores = stores == null ? List.of() : List.copyOf(stores);
    }

    public java.util.Optional<DataStore> byId(String storeId) {
        return stores.stream().filter(store -> store.id().equals(storeId)).findFirst();
    }

    public List<DataStore> of(String entityId) {
        return stores.stream().filter(store -> store.entity().equals(entityId)).toList();
    }
}
