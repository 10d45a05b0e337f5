package dev.dsrdesk.fulfilment;

/** One piece of personal data an entity found: the contract's {category, field, value, source}. */
public record EntityRecord(String category, String field, String value, String source) {
}
