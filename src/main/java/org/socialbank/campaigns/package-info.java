/**
 * Campaigns (first cut of issue 17 part 3): a marketing message per language, approved by a
 * second person, sent only to chat accounts whose marketing consent is given, with a state per
 * recipient that makes it reach each account once. See {@code docs/consent-and-alerts.md}.
 */
@org.springframework.modulith.ApplicationModule(displayName = "Campaigns",
        allowedDependencies = {"consent", "directory", "shared"})
package org.socialbank.campaigns;
