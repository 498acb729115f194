/**
 * The in-process classifier, plain Java with no network: text normalisation and tokens
 * ({@code Texts}), language by script and stopwords ({@code LanguageDetector}), and sentiment and
 * topic from our own per-language lexicons in {@code src/main/resources/listening/lexicon}
 * ({@code Lexicon}, {@code Classifier}).
 */
package org.socialbank.listening.classify;
