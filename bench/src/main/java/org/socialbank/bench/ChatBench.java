package org.socialbank.bench;

import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Future;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.HdrHistogram.ConcurrentHistogram;
import org.HdrHistogram.Histogram;

/**
 * The end-to-end chat benchmark (issue 22): customers pay each other in Telegram chats, through
 * the bank's real webhook ({@code POST /webhooks/telegram/{bot}} with the secret header), with
 * this process playing Telegram's Bot API ({@link FakeTelegram}, answering at once).
 *
 * <p>Setup, not measured: N customers registered over the API (a verified phone, a $tag, a funded
 * EUR wallet), each chat linked the way a customer links it (the "link" command, the bank's page,
 * the SMS code from the demo's developer inbox). One payment is then two updates: "pay $tag 0.01",
 * answered by a confirmation with an inline Confirm button, and the Confirm press, answered by the
 * receipt. A payment counts when its receipt reached the fake Bot API.
 *
 * <p>Who pays whom ({@code --payees}): {@code ring} (the default) has every chat pay its
 * neighbour, so each wallet is in two payments at once and the payments wait for each other's
 * account locks; {@code own} gives every chat a payee of its own (a customer with no chat), so no
 * two payments in flight share an account and what is left is the path's own cost.
 *
 * <p>Two measured phases: as many payments as the chats can make (each chat waits for its
 * answers: a closed loop), which gives the most payments per second; then payments started at
 * half that rate (an open loop, spread over the chats), where the latency from each update posted
 * to its answer arriving is reported (p50/p99). Progress goes to stderr, the summary to stdout.
 *
 * <p>The server must run in demo mode (for the SMS inbox), with a Telegram bot named by
 * {@code --bot} whose API base URL is this process's {@code --fake-port}, and with payment rules
 * that do not hold a bench's payments: see {@code bench/chat.sh}, which starts it so.
 */
public final class ChatBench {
  private static final Pattern LINK = Pattern.compile("/link/[A-Za-z0-9_-]+");
  private static final Pattern CODE = Pattern.compile("\\b(\\d{6})\\b");
  private static final long ANSWER_WAIT_MILLIS = 15_000;
  private static final long FUNDING_MINOR = 100_000_000L;
  private static final String AMOUNT = "0.01";

  private final Options options;
  private final FakeTelegram telegram;
  private final Api api;
  private final HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
      .connectTimeout(Duration.ofSeconds(5)).build();
  private final AtomicLong updateIds = new AtomicLong(900_000_000L);
  private final AtomicLong timeouts = new AtomicLong();
  private final AtomicLong unexpected = new AtomicLong();
  /** Whom the chat at the same index pays. */
  private List<Chat> payees = List.of();

  /** Flags; every value is checked before anything is sent. */
  record Options(URI url, String token, int fakePort, String bot, String secret, int chats,
      int warmupSeconds, int durationSeconds, double rate, long seed, boolean json,
      boolean ownPayees) {

    static Options parse(String[] args, Map<String, String> env) {
      Map<String, String> flags = new HashMap<>();
      for (int i = 0; i + 1 < args.length; i += 2) {
        if (!args[i].startsWith("--") || flags.put(args[i], args[i + 1]) != null) {
          throw new IllegalArgumentException("bad or repeated flag: " + args[i]);
        }
      }
      if (args.length % 2 != 0) {
        throw new IllegalArgumentException("every flag takes one value");
      }
      String token = flags.getOrDefault("--token", env.get("SOCIALBANK_API_TOKEN"));
      String secret = flags.getOrDefault("--secret", env.get("SOCIALBANK_BENCH_BOT_SECRET"));
      if (token == null || secret == null) {
        throw new IllegalArgumentException("need the API token (SOCIALBANK_API_TOKEN) and the bot's "
            + "secret token (SOCIALBANK_BENCH_BOT_SECRET)");
      }
      return new Options(URI.create(flags.getOrDefault("--url", "http://127.0.0.1:8080")), token,
          bounded(flags, "--fake-port", 0, 1, 65_535), flags.getOrDefault("--bot", "bench"), secret,
          bounded(flags, "--chats", 16, 2, 1000), bounded(flags, "--warmup-seconds", 5, 0, 600),
          bounded(flags, "--duration-seconds", 20, 1, 3600),
          Double.parseDouble(flags.getOrDefault("--rate", "0")),
          Long.parseLong(flags.getOrDefault("--seed", "1")),
          "json".equals(flags.getOrDefault("--output", "text")),
          switch (flags.getOrDefault("--payees", "ring")) {
            case "ring" -> false;
            case "own" -> true;
            default -> throw new IllegalArgumentException("--payees must be ring or own");
          });
    }

    private static int bounded(Map<String, String> flags, String flag, int fallback, int min,
        int max) {
      int value = Integer.parseInt(flags.getOrDefault(flag, Integer.toString(fallback)));
      if (value < min || value > max) {
        throw new IllegalArgumentException(flag + " must be in " + min + ".." + max + ": " + value);
      }
      return value;
    }
  }

  /** One customer and the Telegram chat linked to her. */
  record Chat(long userId, String tag, String phone, String username, String password) {
    String id() {
      return Long.toString(userId);
    }
  }

  /** What a phase measured. */
  record Phase(long payments, double seconds, Histogram latencies) {
    double perSecond() {
      return payments / seconds;
    }
  }

  private ChatBench(Options options) throws IOException {
    this.options = options;
    this.telegram = new FakeTelegram(options.fakePort());
    this.api = new Api(options.url(), options.token());
  }

  public static void main(String[] args) {
    Options options;
    try {
      options = Options.parse(args, System.getenv());
    } catch (IllegalArgumentException e) {
      System.err.println("chat bench: " + e.getMessage());
      System.exit(2);
      return;
    }
    try {
      System.exit(new ChatBench(options).run());
    } catch (Exception e) {
      System.err.println("chat bench: " + e);
      System.exit(1);
    }
  }

  private int run() throws Exception {
    try (telegram) {
      awaitServer();
      long started = System.nanoTime();
      List<Chat> chats = setUp();
      payees = options.ownPayees() ? ownPayees(chats.size()) : ring(chats);
      System.err.printf(Locale.ROOT, "chat bench: %d chats linked in %d ms%n", chats.size(),
          TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - started));
      if (options.warmupSeconds() > 0) {
        closedLoop(chats, options.warmupSeconds());
        timeouts.set(0);
        unexpected.set(0);
      }
      Phase max = options.rate() > 0 ? null : closedLoop(chats, options.durationSeconds());
      double rate = options.rate() > 0 ? options.rate() : max.perSecond() / 2;
      Phase half = openLoop(chats, rate, options.durationSeconds());
      print(max, rate, half);
      return half.payments() > 0 ? 0 : 1;
    }
  }

  // ---- setup ----

  /**
   * Waits until the server reports UP: bench/run.sh starts this process first, so that the
   * server's health check (which asks the Bot API) finds the fake already answering.
   */
  private void awaitServer() throws InterruptedException {
    long deadline = System.nanoTime() + TimeUnit.MINUTES.toNanos(10);
    while (System.nanoTime() < deadline) {
      try {
        HttpResponse<String> health = http.send(HttpRequest.newBuilder(
            URI.create(options.url() + "/actuator/health")).timeout(Duration.ofSeconds(2)).build(),
            HttpResponse.BodyHandlers.ofString());
        if (health.body().contains("\"UP\"")) {
          return;
        }
      } catch (IOException e) {
        // not listening yet
      }
      Thread.sleep(500);
    }
    throw new IllegalStateException("the server at " + options.url() + " was not UP within 10 minutes (a loaded machine starts slowly)");
  }

  private List<Chat> setUp() throws Exception {
    SplittableRandom random = new SplittableRandom(options.seed());
    String run = Long.toString(System.currentTimeMillis() % 1_000_000, 36)
        + (char) ('a' + random.nextInt(26));
    UUID equity = UUID.randomUUID();
    expect(api.createAccount(equity, "EUR", "bank_equity", List.of()), "equity account");
    List<Chat> chats = new ArrayList<>();
    for (int i = 0; i < options.chats(); i++) {
      Chat chat = new Chat(5_000_000_000L + random.nextLong(1_000_000_000L), "b" + run + "n" + i,
          String.format(Locale.ROOT, "+3361%01d%06d", random.nextInt(10), i), "bench_" + run + "_" + i,
          "bench-password-" + run + "-" + i);
      register(chat, equity);
      chats.add(chat);
    }
    ExecutorService pool = WorkerThreads.forWorkers(8);
    try {
      List<Future<?>> links = new ArrayList<>();
      for (Chat chat : chats) {
        links.add(pool.submit(() -> {
          link(chat);
          return null;
        }));
      }
      for (Future<?> link : links) {
        link.get(5, TimeUnit.MINUTES);
      }
    } finally {
      pool.shutdownNow();
    }
    return chats;
  }

  private static List<Chat> ring(List<Chat> chats) {
    List<Chat> next = new ArrayList<>();
    for (int i = 0; i < chats.size(); i++) {
      next.add(chats.get((i + 1) % chats.size()));
    }
    return next;
  }

  /** A payee of its own for each chat: registered and funded like a chat's customer, not linked. */
  private List<Chat> ownPayees(int count) throws Exception {
    SplittableRandom random = new SplittableRandom(options.seed() + 1);
    String run = Long.toString(System.currentTimeMillis() % 1_000_000, 36)
        + (char) ('a' + random.nextInt(26));
    UUID equity = UUID.randomUUID();
    expect(api.createAccount(equity, "EUR", "bank_equity", List.of()), "equity account");
    List<Chat> payees = new ArrayList<>();
    for (int i = 0; i < count; i++) {
      Chat payee = new Chat(0L, "p" + run + "n" + i,
          String.format(Locale.ROOT, "+3362%01d%06d", random.nextInt(10), i), "payee_" + run + "_" + i,
          "payee-password-" + run + "-" + i);
      register(payee, equity);
      payees.add(payee);
    }
    return payees;
  }

  private void register(Chat chat, UUID equity) throws IOException, InterruptedException {
    UUID customer = UUID.randomUUID();
    UUID wallet = UUID.randomUUID();
    JsonObject body = new JsonObject().put("id", customer.toString())
        .put("displayName", "Bench " + chat.tag()).put("language", "en").put("kycLevel", "full")
        .put("username", chat.username()).put("password", chat.password())
        .putObjects("aliases", List.of(
            new JsonObject().put("type", "phone").put("value", chat.phone()).put("verified", true),
            new JsonObject().put("type", "tag").put("value", chat.tag()).put("verified", true)));
    expect(api.post("/api/v1/customers", body.toString()), "customer " + chat.tag());
    expect(api.createAccount(wallet, "EUR", "customer_wallet",
        List.of("debits_must_not_exceed_credits")), "wallet of " + chat.tag());
    expect(api.post("/api/v1/customers/" + customer + "/accounts",
        new JsonObject().put("accountId", wallet.toString()).put("primary", true).toString()),
        "holding of " + chat.tag());
    expect(api.createTransfer(UUID.randomUUID(), equity, wallet, FUNDING_MINOR, "EUR"),
        "funding of " + chat.tag());
  }

  /** Links the chat as a customer does: "link", the bank's page, the code sent by SMS. */
  private void link(Chat chat) throws Exception {
    post(textUpdate(chat, "link"));
    String link = null;
    for (FakeTelegram.Sent sent; link == null
        && (sent = telegram.next(chat.id(), ANSWER_WAIT_MILLIS)) != null; ) {
      Matcher m = LINK.matcher(sent.text());
      link = m.find() ? m.group() : null;
    }
    if (link == null) {
      throw new IllegalStateException("no link offered to chat " + chat.id());
    }
    BankPage page = new BankPage(options.url());
    page.get(link);
    page.post(link, "username", chat.username(), "password", chat.password());
    String sms = page.get("/dev/sms.json?limit=1&to="
        + URLEncoder.encode(chat.phone(), StandardCharsets.UTF_8));
    Matcher code = CODE.matcher(sms);
    if (!code.find()) {
      throw new IllegalStateException("no SMS code for " + chat.phone() + ": " + sms);
    }
    String done = page.post(link + "/code", "code", code.group(1));
    if (!done.contains("is linked")) {
      throw new IllegalStateException("chat " + chat.id() + " was not linked");
    }
    Thread.sleep(500); // the "now linked" message, then nothing more of the setup
    telegram.drain(chat.id());
  }

  private static void expect(Api.Response response, String what) {
    if (!response.created()) {
      throw new IllegalStateException("setup: " + what + " answered " + response.status() + " "
          + response.body());
    }
  }

  // ---- payments ----

  /** Every chat pays its neighbour as fast as the answers come, for the given seconds. */
  private Phase closedLoop(List<Chat> chats, int seconds) throws Exception {
    ConcurrentHistogram latencies = histogram();
    AtomicLong payments = new AtomicLong();
    long start = System.nanoTime();
    long deadline = start + TimeUnit.SECONDS.toNanos(seconds);
    ExecutorService pool = WorkerThreads.forWorkers(chats.size());
    try {
      List<Future<?>> workers = new ArrayList<>();
      for (int i = 0; i < chats.size(); i++) {
        Chat payer = chats.get(i);
        Chat payee = payees.get(i);
        workers.add(pool.submit(() -> {
          while (System.nanoTime() < deadline) {
            if (pay(payer, payee, latencies)) {
              payments.incrementAndGet();
            }
          }
          return null;
        }));
      }
      for (Future<?> worker : workers) {
        worker.get(seconds + 120L, TimeUnit.SECONDS);
      }
    } finally {
      pool.shutdownNow();
    }
    return new Phase(payments.get(), (System.nanoTime() - start) / 1e9, latencies);
  }

  /**
   * Payments started at a fixed rate: a ticket every 1/rate seconds; a free chat takes it and
   * pays. A ticket no chat is free for waits (the backlog is reported as late tickets).
   */
  private Phase openLoop(List<Chat> chats, double rate, int seconds) throws Exception {
    ConcurrentHistogram latencies = histogram();
    AtomicLong payments = new AtomicLong();
    Semaphore tickets = new Semaphore(0);
    long start = System.nanoTime();
    long deadline = start + TimeUnit.SECONDS.toNanos(seconds);
    long interval = (long) (1e9 / rate);
    ExecutorService pool = WorkerThreads.forWorkers(chats.size() + 1);
    try {
      List<Future<?>> workers = new ArrayList<>();
      for (int i = 0; i < chats.size(); i++) {
        Chat payer = chats.get(i);
        Chat payee = payees.get(i);
        workers.add(pool.submit(() -> {
          while (System.nanoTime() < deadline) {
            if (tickets.tryAcquire(50, TimeUnit.MILLISECONDS) && pay(payer, payee, latencies)) {
              payments.incrementAndGet();
            }
          }
          return null;
        }));
      }
      for (long next = start; next < deadline; next += interval) {
        long wait = next - System.nanoTime();
        if (wait > 0) {
          TimeUnit.NANOSECONDS.sleep(wait);
        }
        tickets.release();
      }
      for (Future<?> worker : workers) {
        worker.get(seconds + 120L, TimeUnit.SECONDS);
      }
      if (tickets.availablePermits() > 0) {
        System.err.printf(Locale.ROOT, "chat bench: %d tickets were not taken in time: the rate "
            + "%.1f/s is above what the chats could start%n", tickets.availablePermits(), rate);
      }
    } finally {
      pool.shutdownNow();
    }
    return new Phase(payments.get(), (System.nanoTime() - start) / 1e9, latencies);
  }

  /** One payment: the command and its confirmation, the Confirm press and its receipt. */
  private boolean pay(Chat payer, Chat payee, ConcurrentHistogram latencies) throws Exception {
    long sentAt = System.nanoTime();
    post(textUpdate(payer, "pay $" + payee.tag() + " " + AMOUNT));
    FakeTelegram.Sent confirmation = await(payer, s -> confirmButton(s) != null);
    if (confirmation == null) {
      return false;
    }
    latencies.recordValue(micros(confirmation.nanos() - sentAt));
    sentAt = System.nanoTime();
    post(callbackUpdate(payer, confirmButton(confirmation)));
    FakeTelegram.Sent receipt = await(payer, s -> s.text().contains("Reference:"));
    if (receipt == null) {
      return false;
    }
    latencies.recordValue(micros(receipt.nanos() - sentAt));
    return true;
  }

  /** The next message to the chat that is what the step waits for; alerts are passed over. */
  private FakeTelegram.Sent await(Chat chat, java.util.function.Predicate<FakeTelegram.Sent> wanted)
      throws InterruptedException {
    long deadline = System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(ANSWER_WAIT_MILLIS);
    while (true) {
      long left = TimeUnit.NANOSECONDS.toMillis(deadline - System.nanoTime());
      FakeTelegram.Sent sent = left > 0 ? telegram.next(chat.id(), left) : null;
      if (sent == null) {
        timeouts.incrementAndGet();
        return null;
      }
      if (wanted.test(sent)) {
        return sent;
      }
      if (!isAlert(sent.text()) && unexpected.incrementAndGet() <= 5) {
        System.err.println("chat bench: unexpected answer in chat " + chat.id() + ": "
            + sent.text());
      }
    }
  }

  /**
   * Transaction alerts, which come between the answers: the payee's "sent you" notice and the
   * journal's alerts of money received or sent (alerts module).
   */
  private static boolean isAlert(String text) {
    return text.contains("sent you") || text.startsWith("Received") || text.startsWith("Sent ");
  }

  private static String confirmButton(FakeTelegram.Sent sent) {
    return sent.buttons().stream().filter(b -> b[0].equals("Confirm")).map(b -> b[1]).findFirst()
        .orElse(null);
  }

  private static long micros(long nanos) {
    return Math.max(1, TimeUnit.NANOSECONDS.toMicros(nanos));
  }

  private static ConcurrentHistogram histogram() {
    return new ConcurrentHistogram(TimeUnit.MINUTES.toMicros(1), 3);
  }

  // ---- Telegram updates ----

  private String textUpdate(Chat chat, String text) {
    long id = updateIds.incrementAndGet();
    return new JsonObject().put("update_id", id).put("message", new JsonObject()
        .put("message_id", id).put("from", user(chat)).put("chat", privateChat(chat))
        .put("date", System.currentTimeMillis() / 1000).put("text", text)).toString();
  }

  private String callbackUpdate(Chat chat, String data) {
    long id = updateIds.incrementAndGet();
    JsonObject message = new JsonObject().put("message_id", 1).put("from", new JsonObject()
            .put("id", 7_000_001).put("is_bot", true).put("first_name", "Bank"))
        .put("chat", privateChat(chat)).put("date", System.currentTimeMillis() / 1000)
        .put("text", "Pay?");
    return new JsonObject().put("update_id", id).put("callback_query", new JsonObject()
        .put("id", "q" + id).put("from", user(chat)).put("message", message)
        .put("chat_instance", "1").put("data", data)).toString();
  }

  private static JsonObject user(Chat chat) {
    return new JsonObject().put("id", chat.userId()).put("is_bot", false)
        .put("first_name", "Bench").put("language_code", "en");
  }

  private static JsonObject privateChat(Chat chat) {
    return new JsonObject().put("id", chat.userId()).put("first_name", "Bench")
        .put("type", "private");
  }

  private void post(String update) throws IOException, InterruptedException {
    HttpRequest request = HttpRequest.newBuilder(
            URI.create(options.url() + "/webhooks/telegram/" + options.bot()))
        .timeout(Duration.ofSeconds(30)).header("Content-Type", "application/json")
        .header("X-Telegram-Bot-Api-Secret-Token", options.secret())
        .POST(HttpRequest.BodyPublishers.ofString(update)).build();
    HttpResponse<Void> response = http.send(request, HttpResponse.BodyHandlers.discarding());
    if (response.statusCode() != 200) {
      throw new IllegalStateException("the webhook answered " + response.statusCode());
    }
  }

  // ---- summary ----

  private void print(Phase max, double rate, Phase half) {
    Histogram h = half.latencies();
    double p50 = h.getValueAtPercentile(50) / 1000.0;
    double p99 = h.getValueAtPercentile(99) / 1000.0;
    double p999 = h.getValueAtPercentile(99.9) / 1000.0;
    if (options.json()) {
      JsonObject json = new JsonObject()
          .put("chats", options.chats())
          .put("maxPaymentsPerSecond", max == null ? -1 : max.perSecond())
          .put("rate", rate)
          .put("paymentsPerSecondAtRate", half.perSecond())
          .put("p50Ms", p50).put("p99Ms", p99).put("p999Ms", p999)
          .put("maxMs", h.getMaxValue() / 1000.0)
          .put("timeouts", timeouts.get()).put("unexpected", unexpected.get())
          .put("botApiCalls", telegram.calls());
      System.out.println(json);
      return;
    }
    if (max != null) {
      System.out.printf(Locale.ROOT, "closed loop, %d chats: %.1f chat payments/s (%d in %.1f s)%n",
          options.chats(), max.perSecond(), max.payments(), max.seconds());
    }
    System.out.printf(Locale.ROOT, "open loop at %.1f payments/s: %.1f/s done; message-in -> "
        + "reply-out p50 %.2f ms, p99 %.2f ms, p99.9 %.2f ms, max %.2f ms%n", rate,
        half.perSecond(), p50, p99, p999, h.getMaxValue() / 1000.0);
    System.out.printf(Locale.ROOT, "timeouts %d, unexpected answers %d, Bot API calls %d%n",
        timeouts.get(), unexpected.get(), telegram.calls());
  }
}
