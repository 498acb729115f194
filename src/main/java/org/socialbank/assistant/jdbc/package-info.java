/** The assistant's tables: the votes on its answers. */
package org.socialbank.assistant.jdbc;
