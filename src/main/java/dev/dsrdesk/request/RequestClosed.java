package dev.dsrdesk.request;

import java.time.Duration;

/** Published when a request reaches a final status, for whoever measures the desk. */
public record RequestClosed(String reference, RequestStatus status, Duration timeToClose) {
}
