/** The web chat's page, its message endpoint, history and Server-Sent Events stream. */
package org.socialbank.channels.webchat.web;
