/**
 * The console's pages for the assistant's answers (issue 18): every intent by language, edit with a
 * preview, revert to the shipped markdown, each change audited; the answers voted "not helpful" most.
 */
package org.socialbank.console.assistant.web;
