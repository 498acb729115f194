/**
 * Social listening (issue 20): public mentions of the bank from any {@link
 * org.socialbank.listening.MentionSource}, stored once per source id, classified in-process
 * (language, sentiment, topic) with our own lexicons, corrected by staff, and watched for spikes.
 */
@org.springframework.modulith.ApplicationModule(
        displayName = "Listening",
        allowedDependencies = {"shared", "directory", "channels", "conversation"})
package org.socialbank.listening;
