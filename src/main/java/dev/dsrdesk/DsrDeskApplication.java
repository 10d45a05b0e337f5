package dev.dsrdesk;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.context.properties.ConfigurationPropertiesScan;

@SpringBootApplication
@ConfigurationPropertiesScan
public class DsrDeskApplication {

    public static void main(String[] args) {
        SpringApplication.run(DsrDeskApplication.class, args);
    }
}
