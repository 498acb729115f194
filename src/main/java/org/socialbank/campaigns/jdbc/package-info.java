/** Campaigns, their texts and recipients in SQL, row mapping beside the SQL. */
package org.socialbank.campaigns.jdbc;
