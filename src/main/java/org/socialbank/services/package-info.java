/**
 * The bank's everyday services beyond payments: its branches and ATMs, found by place or by
 * distance from a shared location, and appointments at a branch (issue 16 section 5): schedules
 * with services and opening hours per weekday, slots in the branch's zone, atomic booking by a
 * guarded counter per slot, booking codes, cancel, reschedule and a day-before reminder.
 */
@org.springframework.modulith.ApplicationModule(displayName = "Services")
package org.socialbank.services;
