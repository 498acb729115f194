package org.socialbank.shared.web;

import java.io.IOException;

/** Thrown by a bounded request body when a client sends more than the configured maximum. */
final class RequestTooLarge extends IOException {

    RequestTooLarge(long maxBytes) {
        super("The request body is larger than " + maxBytes + " bytes.");
    }
}
