/** The campaigns API (admin scope): {@code /api/v1/campaigns}. */
package org.socialbank.campaigns.web;
