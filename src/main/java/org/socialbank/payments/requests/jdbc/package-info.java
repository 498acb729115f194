/** The SQL of money requests, splits and incoming interbank credits; state changes are guarded or locked. */
package org.socialbank.payments.requests.jdbc;
