package org.socialbank.bench;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A strict JSON reader (RFC 8259) for the small bodies the server answers, such as the
 * problem+json of a rejected transfer. Objects become maps, arrays lists, numbers BigDecimal,
 * JSON null becomes Java null. Anything malformed, too deep or too long is an error, never a
 * guess.
 */
final class JsonReader {
  static final int LENGTH_MAX = 1 << 20;
  static final int DEPTH_MAX = 32;

  private final String text;
  private int position;

  private JsonReader(String text) {
    this.text = text;
  }

  static Object read(String text) {
    if (text.length() > LENGTH_MAX) {
      throw new IllegalArgumentException("JSON longer than " + LENGTH_MAX + " chars");
    }
    JsonReader reader = new JsonReader(text);
    Object value = reader.value(0);
    reader.skipWhitespace();
    if (reader.position != text.length()) {
      throw reader.error("trailing characters");
    }
    return value;
  }

  /** The string member {@code name} of a JSON object, or null if absent or not a string. */
  static String stringMember(String json, String name) {
    Object value = read(json);
    if (value instanceof Map<?, ?> object && object.get(name) instanceof String member) {
      return member;
    }
    return null;
  }

  private Object value(int depth) {
    if (depth > DEPTH_MAX) {
      throw error("nested deeper than " + DEPTH_MAX);
    }
    skipWhitespace();
    char c = peek();
    return switch (c) {
      case '{' -> object(depth);
      case '[' -> array(depth);
      case '"' -> string();
      case 't' -> literal("true", Boolean.TRUE);
      case 'f' -> literal("false", Boolean.FALSE);
      case 'n' -> literal("null", null);
      default -> number();
    };
  }

  private Map<String, Object> object(int depth) {
    Map<String, Object> members = new LinkedHashMap<>();
    expect('{');
    skipWhitespace();
    if (tryConsume('}')) {
      return members;
    }
    do {
      skipWhitespace();
      String name = string();
      skipWhitespace();
      expect(':');
      if (members.containsKey(name)) {
        throw error("duplicate member " + name);
      }
      members.put(name, value(depth + 1));
      skipWhitespace();
    } while (tryConsume(','));
    expect('}');
    return members;
  }

  private List<Object> array(int depth) {
    List<Object> items = new ArrayList<>();
    expect('[');
    skipWhitespace();
    if (tryConsume(']')) {
      return items;
    }
    do {
      items.add(value(depth + 1));
      skipWhitespace();
    } while (tryConsume(','));
    expect(']');
    return items;
  }

  private String string() {
    expect('"');
    StringBuilder out = new StringBuilder();
    // Bounded by the input: next() throws at its end.
    while (true) {
      char c = next();
      if (c == '"') {
        return out.toString();
      }
      if (c < 0x20) {
        throw error("control character in string");
      }
      out.append(c == '\\' ? escaped() : c);
    }
  }

  private char escaped() {
    char c = next();
    return switch (c) {
      case '"', '\\', '/' -> c;
      case 'b' -> '\b';
      case 'f' -> '\f';
      case 'n' -> '\n';
      case 'r' -> '\r';
      case 't' -> '\t';
      case 'u' -> unicodeEscape();
      default -> throw error("bad escape \\" + c);
    };
  }

  private char unicodeEscape() {
    if (position + 4 > text.length()) {
      throw error("short \\u escape");
    }
    String hex = text.substring(position, position + 4);
    if (!hex.matches("[0-9a-fA-F]{4}")) {
      throw error("bad \\u escape " + hex);
    }
    position += 4;
    return (char) Integer.parseInt(hex, 16);
  }

  private BigDecimal number() {
    int start = position;
    while (position < text.length() && "+-0123456789.eE".indexOf(text.charAt(position)) >= 0) {
      position++;
    }
    String token = text.substring(start, position);
    if (!token.matches("-?(0|[1-9][0-9]*)(\\.[0-9]+)?([eE][+-]?[0-9]+)?")) {
      position = start;
      throw error("unexpected value");
    }
    return new BigDecimal(token);
  }

  private Object literal(String word, Object value) {
    if (!text.startsWith(word, position)) {
      throw error("expected " + word);
    }
    position += word.length();
    return value;
  }

  private void skipWhitespace() {
    while (position < text.length() && " \t\r\n".indexOf(text.charAt(position)) >= 0) {
      position++;
    }
  }

  private boolean tryConsume(char c) {
    if (position < text.length() && text.charAt(position) == c) {
      position++;
      return true;
    }
    return false;
  }

  private void expect(char c) {
    if (!tryConsume(c)) {
      throw error("expected '" + c + "'");
    }
  }

  private char peek() {
    if (position >= text.length()) {
      throw error("unexpected end");
    }
    return text.charAt(position);
  }

  private char next() {
    char c = peek();
    position++;
    return c;
  }

  private IllegalArgumentException error(String what) {
    return new IllegalArgumentException("bad JSON at " + position + ": " + what);
  }
}
