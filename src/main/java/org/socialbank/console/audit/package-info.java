/**
 * The staff audit log: append-only rows, each chained to the one before by SHA-256, appended one
 * at a time across nodes under a lock on the chain's head row, and a verifier that finds a changed,
 * inserted or deleted row.
 */
package org.socialbank.console.audit;
