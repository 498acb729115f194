/** The directory's HTTP API: customers for the bank's staff, rate-limited alias lookups for payers. */
package org.socialbank.directory.web;
