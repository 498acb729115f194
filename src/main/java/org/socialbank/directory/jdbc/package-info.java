/** The directory's storage: portable SQL for H2 and PostgreSQL, row mapping beside it. */
package org.socialbank.directory.jdbc;
