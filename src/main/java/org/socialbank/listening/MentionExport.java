package org.socialbank.listening;

import java.util.List;

/**
 * The mentions of a span for the CSV export: all of them, or none when the span holds more than
 * one read may carry ({@code scan-max}), so an export is never silently cut (review 2026-12-07
 * listening follow-up: it used to stop at scan-max, the newest mentions left out).
 */
public sealed interface MentionExport {

    /** Every mention of the span, oldest first. */
    record Rows(List<Mention> mentions) implements MentionExport {}

    /** The span holds {@code count} mentions, more than {@code max}: ask for a shorter one. */
    record TooLarge(long count, int max) implements MentionExport {}
}
