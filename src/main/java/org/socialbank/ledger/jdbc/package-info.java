/** The ledger's storage: portable SQL for H2 and PostgreSQL, row mapping beside it. */
package org.socialbank.ledger.jdbc;
