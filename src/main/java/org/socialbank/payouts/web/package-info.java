/** For operations: the payouts listed by state, and those marked for review ({@code /api/v1/payouts}). */
package org.socialbank.payouts.web;
