/** Developer tools for payouts, available in demo mode only. */
package org.socialbank.payouts.dev;
