/**
 * Campaigns (issue 17 part 3): a marketing message per language (and an optional B variant),
 * approved by a second person, sent only to chat accounts whose marketing consent is given, within
 * a segment, a weekly cap and the recipient's quiet hours, with a state per recipient that makes it
 * reach each account once, and statistics per variant. See {@code docs/campaigns.md}.
 */
@org.springframework.modulith.ApplicationModule(
        displayName = "Campaigns",
        allowedDependencies = {"consent", "directory", "alerts", "ledger", "applications", "loyalty", "shared"})
package org.socialbank.campaigns;
