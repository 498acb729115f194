/** The branches table, branch schedules (zone, slots, services, hours), slot counters and appointments. */
package org.socialbank.branches.jdbc;
