/** The branches table. */
package org.socialbank.services.jdbc;
