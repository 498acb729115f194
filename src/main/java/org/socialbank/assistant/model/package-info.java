/**
 * The assistant's models, plain Java: text features, TF-IDF with softmax regression per language,
 * the MiniLM sentence encoder run through ONNX, and the English blend of the two; trained from the
 * data the project ships, never downloaded.
 */
package org.socialbank.assistant.model;
