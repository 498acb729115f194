/**
 * The console dashboard's numbers, read from the other modules' tables (conversations, payments,
 * the ledger's transfers, the outbox, transaction alerts) with plain, bounded SQL; read-only.
 */
package org.socialbank.console.dashboard;
