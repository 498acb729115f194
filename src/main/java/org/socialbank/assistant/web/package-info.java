/**
 * The assistant's HTTP API: {@code POST /api/v1/assistant/classify}, and the votes on its answers
 * ({@code GET} and {@code POST /api/v1/assistant/feedback}).
 */
package org.socialbank.assistant.web;
