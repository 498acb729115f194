/** The HTTP API of branches and appointments: {@code /api/v1/branches} and {@code /api/v1/appointments}. */
package org.socialbank.branches.web;
