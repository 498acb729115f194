/** Alert rows, the journal cursor and alert settings in SQL, row mapping beside the SQL. */
package org.socialbank.alerts.jdbc;
