package dev.dsrdesk.fulfilment;

/** Why the routing table asked an entity (or did not): in English for staff, in the requester's language for them. */
record RoutingReason(String forStaff, String forRequester) {
}
