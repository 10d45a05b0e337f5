package dev.dsrdesk.security;

import org.springframework.http.HttpStatus;

/**
 * The status of the page that refuses a link. Something that is not a secret of ours at all is bad input (400);
 * a well-formed secret that is unknown, used or expired is gone (410) — one page, one cost, for all three, so
 * that a guesser learns nothing about which secrets ever existed.
 */
public final class LinkRefusal {

    private LinkRefusal() {
    }

    public static int status(String presented) {
        return (TokenSecret.isWellFormed(presented) ? HttpStatus.GONE : HttpStatus.BAD_REQUEST).value();
    }
}
