package org.socialbank.bench;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;

/**
 * The Telegram Bot API as the bank's server sees it, answering every call at once and keeping
 * what the bot sent to each chat (with the instant it arrived) for the chat bench to read.
 * Only what the bank's adapter calls is answered with a real shape: {@code sendMessage} and
 * {@code getMe} and {@code getWebhookInfo} (the bank's health asks it); every other method
 * answers {@code true}.
 */
final class FakeTelegram implements AutoCloseable {

  /** One message the bot sent (or edited) in a chat, and when it reached this server. */
  record Sent(String method, String text, List<String[]> buttons, long nanos) {
  }

  private final HttpServer server;
  private final Map<String, BlockingQueue<Sent>> chats = new ConcurrentHashMap<>();
  private final AtomicLong messageIds = new AtomicLong();
  private final AtomicLong calls = new AtomicLong();

  FakeTelegram(int port) throws IOException {
    server = HttpServer.create(new InetSocketAddress("127.0.0.1", port), 1024);
    server.createContext("/", this::handle);
    server.setExecutor(WorkerThreads.forWorkers(64));
    server.start();
  }

  int port() {
    return server.getAddress().getPort();
  }

  long calls() {
    return calls.get();
  }

  /** The next message sent to the chat, waiting at most {@code millis}; null when none came. */
  Sent next(String chatId, long millis) throws InterruptedException {
    return queue(chatId).poll(millis, TimeUnit.MILLISECONDS);
  }

  /** Forgets what was sent to the chat so far (alerts and answers of earlier steps). */
  void drain(String chatId) {
    queue(chatId).clear();
  }

  private BlockingQueue<Sent> queue(String chatId) {
    return chats.computeIfAbsent(chatId, id -> new LinkedBlockingQueue<>());
  }

  private void handle(HttpExchange exchange) throws IOException {
    try (exchange) {
      long now = System.nanoTime();
      calls.incrementAndGet();
      String path = exchange.getRequestURI().getPath(); // /bot<token>/<method>
      String method = path.substring(path.lastIndexOf('/') + 1);
      String body = new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8);
      String result = "true";
      if (method.equals("getMe")) {
        result = "{\"id\":7000001,\"is_bot\":true,\"first_name\":\"Bank\",\"username\":\"BenchBot\"}";
      } else if (method.equals("getWebhookInfo")) {
        result = "{\"url\":\"\",\"has_custom_certificate\":false,\"pending_update_count\":0}";
      } else if (method.equals("sendMessage") || method.equals("editMessageText")) {
        Object parsed = body.isEmpty() ? Map.of() : JsonReader.read(body);
        if (parsed instanceof Map<?, ?> message && message.get("chat_id") != null) {
          String chat = String.valueOf(message.get("chat_id"));
          queue(chat).add(new Sent(method, String.valueOf(message.get("text")), buttons(message), now));
          if (method.equals("sendMessage")) {
            result = "{\"message_id\":" + messageIds.incrementAndGet()
                + ",\"date\":1700000000,\"chat\":{\"id\":" + chat + "}}";
          }
        }
      }
      byte[] bytes = ("{\"ok\":true,\"result\":" + result + "}").getBytes(StandardCharsets.UTF_8);
      exchange.getResponseHeaders().set("Content-Type", "application/json");
      exchange.sendResponseHeaders(200, bytes.length);
      exchange.getResponseBody().write(bytes);
    } catch (RuntimeException e) {
      System.err.println("fake telegram: " + e);
      exchange.sendResponseHeaders(500, -1);
    }
  }

  /** The inline keyboard's buttons as {text, callback_data} pairs, in order. */
  private static List<String[]> buttons(Map<?, ?> message) {
    if (!(message.get("reply_markup") instanceof Map<?, ?> markup)
        || !(markup.get("inline_keyboard") instanceof List<?> rows)) {
      return List.of();
    }
    return rows.stream().filter(List.class::isInstance).flatMap(row -> ((List<?>) row).stream())
        .filter(Map.class::isInstance).map(Map.class::cast)
        .map(b -> new String[] {String.valueOf(b.get("text")), String.valueOf(b.get("callback_data"))})
        .toList();
  }

  @Override
  public void close() {
    server.stop(0);
  }
}
