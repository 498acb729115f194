/**
 * The command language over HTTP: {@code POST /api/v1/nlu/parse} reads a chat message into the
 * intent, amount, currency and payees the parser finds, for channels and tools outside the JVM.
 */
package org.socialbank.conversation.web;
