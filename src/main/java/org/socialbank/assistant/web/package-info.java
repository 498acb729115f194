/** The assistant's HTTP API: {@code POST /api/v1/assistant/classify}. */
package org.socialbank.assistant.web;
