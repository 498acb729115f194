package org.socialbank.bench;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.UUID;

/**
 * The two endpoints the bench calls. One HttpClient is shared by all workers so that they
 * reuse its pool of keep-alive HTTP/1.1 connections, as a real client library would.
 */
final class Api {
  /** Also bounds every latency the bench can record (see {@link Tally#LATENCY_MAX_MICROS}). */
  static final Duration REQUEST_TIMEOUT = Duration.ofSeconds(30);
  private static final Duration CONNECT_TIMEOUT = Duration.ofSeconds(5);

  private final HttpClient http;
  private final URI baseUrl;
  private final URI accountsUri;
  private final URI transfersUri;
  private final String authorization;

  Api(URI baseUrl, String token) {
    this.http = HttpClient.newBuilder()
        .version(HttpClient.Version.HTTP_1_1)
        .connectTimeout(CONNECT_TIMEOUT)
        .followRedirects(HttpClient.Redirect.NEVER)
        .build();
    this.baseUrl = baseUrl;
    this.accountsUri = URI.create(baseUrl + "/api/v1/accounts");
    this.transfersUri = URI.create(baseUrl + "/api/v1/transfers");
    this.authorization = "Bearer " + token;
  }

  record Response(int status, String body) {
    boolean created() {
      return status == 200 || status == 201;
    }
  }

  Response createAccount(UUID id, String currency, String kind, List<String> flags)
      throws IOException, InterruptedException {
    JsonObject body = new JsonObject()
        .put("id", id.toString())
        .put("currency", currency)
        .put("kind", kind)
        .put("flags", flags);
    return post(accountsUri, body.toString());
  }

  Response createTransfer(UUID id, UUID debitAccountId, UUID creditAccountId, long amountMinor,
      String currency) throws IOException, InterruptedException {
    JsonObject body = new JsonObject()
        .put("id", id.toString())
        .put("debitAccountId", debitAccountId.toString())
        .put("creditAccountId", creditAccountId.toString())
        .put("amountMinor", amountMinor)
        .put("currency", currency)
        .put("code", "p2p");
    return post(transfersUri, body.toString());
  }

  /** POSTs a JSON body to a path of the API (the chat bench's setup: customers, accounts). */
  Response post(String path, String json) throws IOException, InterruptedException {
    return post(URI.create(baseUrl + path), json);
  }

  private Response post(URI uri, String json) throws IOException, InterruptedException {
    HttpRequest request = HttpRequest.newBuilder(uri)
        .timeout(REQUEST_TIMEOUT)
        .header("Authorization", authorization)
        .header("Content-Type", "application/json")
        .header("Accept", "application/json, application/problem+json")
        .POST(HttpRequest.BodyPublishers.ofString(json))
        .build();
    HttpResponse<String> response = http.send(request, Api::bodyUnlessCreated);
    return new Response(response.statusCode(), response.body());
  }

  /**
   * Reads the body only when the bench looks at it: a rejection's problem+json. A 2xx body is
   * drained unparsed, which keeps the client's share of the machine's CPU small.
   */
  private static HttpResponse.BodySubscriber<String> bodyUnlessCreated(
      HttpResponse.ResponseInfo info) {
    if (info.statusCode() / 100 == 2) {
      return HttpResponse.BodySubscribers.replacing("");
    }
    return HttpResponse.BodySubscribers.ofString(StandardCharsets.UTF_8);
  }
}
