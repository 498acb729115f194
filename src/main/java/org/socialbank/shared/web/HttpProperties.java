package org.socialbank.shared.web;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Limits of the HTTP layer.
 *
 * @param maxBodyBytes the largest request body accepted, in bytes
 */
@ConfigurationProperties("socialbank.http")
public record HttpProperties(@DefaultValue("65536") long maxBodyBytes) {

    public HttpProperties {
        if (maxBodyBytes < 1024 || maxBodyBytes > 16L * 1024 * 1024) {
            throw new IllegalArgumentException(
                    "socialbank.http.max-body-bytes must be between 1024 and 16777216, was " + maxBodyBytes);
        }
    }
}
