package org.socialbank.bench;

import java.io.IOException;
import java.net.CookieManager;
import java.net.CookiePolicy;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A customer's browser on the bank's pages, for linking a chat during the chat bench's setup:
 * keeps cookies and posts each form with the CSRF token of the page it read last.
 */
final class BankPage {
  private static final Pattern CSRF = Pattern.compile("name=\"_csrf\"\\s+value=\"([^\"]+)\"");

  private final HttpClient http = HttpClient.newBuilder()
      .cookieHandler(new CookieManager(null, CookiePolicy.ACCEPT_ALL))
      .followRedirects(HttpClient.Redirect.NORMAL).connectTimeout(Duration.ofSeconds(5)).build();
  private final URI base;
  private String csrf;

  BankPage(URI base) {
    this.base = base;
  }

  String get(String path) throws IOException, InterruptedException {
    return send(HttpRequest.newBuilder(base.resolve(path)).timeout(Duration.ofSeconds(30)).GET()
        .build());
  }

  String post(String path, String... fields) throws IOException, InterruptedException {
    StringBuilder form = new StringBuilder();
    for (int i = 0; i + 1 < fields.length; i += 2) {
      append(form, fields[i], fields[i + 1]);
    }
    if (csrf != null) {
      append(form, "_csrf", csrf);
    }
    return send(HttpRequest.newBuilder(base.resolve(path)).timeout(Duration.ofSeconds(30))
        .header("Content-Type", "application/x-www-form-urlencoded")
        .POST(HttpRequest.BodyPublishers.ofString(form.toString())).build());
  }

  private static void append(StringBuilder form, String name, String value) {
    form.append(form.length() == 0 ? "" : "&").append(URLEncoder.encode(name, StandardCharsets.UTF_8))
        .append('=').append(URLEncoder.encode(value, StandardCharsets.UTF_8));
  }

  private String send(HttpRequest request) throws IOException, InterruptedException {
    HttpResponse<String> response = http.send(request, HttpResponse.BodyHandlers.ofString());
    if (response.statusCode() >= 400) {
      throw new IllegalStateException(request.method() + " " + request.uri().getPath() + " answered "
          + response.statusCode());
    }
    Matcher m = CSRF.matcher(response.body());
    if (m.find()) {
      csrf = m.group(1);
    }
    return response.body();
  }
}
