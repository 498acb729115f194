package org.socialbank.bench;

import java.util.List;
import java.util.Locale;

/**
 * Writes one flat JSON object by hand. The bench sends and prints only a few fixed shapes,
 * so a builder of a dozen lines beats a JSON library on the class path of a measuring tool.
 */
final class JsonObject {
  private final StringBuilder text = new StringBuilder("{");

  JsonObject put(String name, String value) {
    return member(name).quoted(value);
  }

  JsonObject put(String name, long value) {
    member(name).text.append(value);
    return this;
  }

  /** Fixed three decimals: enough for milliseconds and rates, and never an exponent. */
  JsonObject put(String name, double value) {
    if (!Double.isFinite(value)) {
      throw new IllegalArgumentException(name + " is not finite: " + value);
    }
    member(name).text.append(String.format(Locale.ROOT, "%.3f", value));
    return this;
  }

  JsonObject put(String name, List<String> values) {
    member(name).text.append('[');
    for (int i = 0; i < values.size(); i++) {
      text.append(i == 0 ? "" : ",");
      quoted(values.get(i));
    }
    text.append(']');
    return this;
  }

  /** Nests an object that is already complete. */
  JsonObject put(String name, JsonObject value) {
    member(name).text.append(value.toString());
    return this;
  }

  /** An array of objects that are already complete. */
  JsonObject putObjects(String name, List<JsonObject> values) {
    member(name).text.append('[');
    for (int i = 0; i < values.size(); i++) {
      text.append(i == 0 ? "" : ",").append(values.get(i).toString());
    }
    text.append(']');
    return this;
  }

  JsonObject put(String name, boolean value) {
    member(name).text.append(value);
    return this;
  }

  @Override
  public String toString() {
    return text + "}";
  }

  private JsonObject member(String name) {
    if (text.length() > 1) {
      text.append(',');
    }
    return quoted(name).colon();
  }

  private JsonObject colon() {
    text.append(':');
    return this;
  }

  private JsonObject quoted(String value) {
    text.append('"');
    for (int i = 0; i < value.length(); i++) {
      escape(value.charAt(i));
    }
    text.append('"');
    return this;
  }

  private void escape(char c) {
    switch (c) {
      case '"' -> text.append("\\\"");
      case '\\' -> text.append("\\\\");
      case '\n' -> text.append("\\n");
      case '\r' -> text.append("\\r");
      case '\t' -> text.append("\\t");
      default -> {
        if (c < 0x20) {
          text.append(String.format(Locale.ROOT, "\\u%04x", (int) c));
        } else {
          text.append(c);
        }
      }
    }
  }
}
