package org.socialbank.branches;

import java.time.OffsetDateTime;

/**
 * One bookable time at a branch: its start in the branch's zone (with the offset of that day),
 * how many customers it takes and how many places are left.
 */
public record Slot(OffsetDateTime start, OffsetDateTime end, int capacity, int capacityLeft) {}
