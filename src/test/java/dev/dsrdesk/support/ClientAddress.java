package dev.dsrdesk.support;

import org.springframework.test.web.servlet.request.RequestPostProcessor;

/** A MockMvc request as it arrives from a given client address. */
public final class ClientAddress {

    private ClientAddress() {
    }

    public static RequestPostProcessor from(String address) {
        return request -> {
            request.setRemoteAddr(address);
            return request;
        };
    }
}
