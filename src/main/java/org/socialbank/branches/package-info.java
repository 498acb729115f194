/**
 * The bank's branches and ATMs (this module was {@code services} until issue 14), found by place or by
 * distance from a shared location, and appointments at a branch (issue 16 section 5): schedules
 * with services and opening hours per weekday, slots in the branch's zone, atomic booking by a
 * guarded counter per slot, booking codes, cancel, reschedule and a day-before reminder; each change
 * is published ({@code AppointmentChanged}) so the chat can tell the customer of one she did not make.
 */
@org.springframework.modulith.ApplicationModule(displayName = "Branches")
package org.socialbank.branches;
