/** The consent history and current state in SQL, row mapping beside the SQL. */
package org.socialbank.consent.jdbc;
