package org.socialbank.security;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Settings of the bank's pages.
 *
 * @param secureCookies mark cookies {@code Secure} (HTTPS only); turn off only for local HTTP
 */
@ConfigurationProperties("socialbank.web")
public record WebProperties(@DefaultValue("true") boolean secureCookies) {}
