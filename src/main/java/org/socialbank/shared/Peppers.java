package org.socialbank.shared;

import java.util.Base64;

/**
 * The one reading of a pepper set in a property: base64 (standard or URL-safe) of at least a given
 * number of random bytes, else a start-up error that names the setting and how to make one. Used by
 * every module's properties that hold one (one-time codes, send budgets).
 */
public final class Peppers {

    private Peppers() {}

    /**
     * The pepper's bytes.
     *
     * @param names the environment variable and property, as the error message shows them
     * @throws IllegalArgumentException when it is not base64 or decodes to fewer than {@code bytesMin} bytes
     */
    public static byte[] decode(String pepper, String names, int bytesMin) {
        byte[] bytes;
        try {
            bytes = Base64.getDecoder().decode(pepper.strip().replace('-', '+').replace('_', '/'));
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException(names + " is not base64; generate one with 'openssl rand -base64 32'");
        }
        if (bytes.length < bytesMin) {
            throw new IllegalArgumentException(names + " must decode to at least " + bytesMin + " bytes, was "
                    + bytes.length + "; generate one with 'openssl rand -base64 32'");
        }
        return bytes;
    }
}
