/** The payments' tables: payments with their claim state, the audit of risk decisions, and the risk history queries. */
package org.socialbank.payments.jdbc;
