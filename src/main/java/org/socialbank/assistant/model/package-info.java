/**
 * The assistant's models, plain Java: text features, TF-IDF with softmax regression per language,
 * the MiniLM (English) and bge-small-zh (Chinese) sentence encoders run through ONNX, and the blends of a head on their vectors with the TF-IDF model; trained from the
 * data the project ships, never downloaded.
 */
package org.socialbank.assistant.model;
