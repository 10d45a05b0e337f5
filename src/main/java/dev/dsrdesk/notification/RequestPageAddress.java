package dev.dsrdesk.notification;

import dev.dsrdesk.request.DataSubjectRequest;

/**
 * Where the requester follows their request: every mail to them carries a fresh link to the request's own page.
 * Declared here, where the mails are written; the request page's feature issues the links.
 */
public interface RequestPageAddress {

    /** A new secret link to the request's page; links issued before keep working. */
    String freshLink(DataSubjectRequest request);
}
