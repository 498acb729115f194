import java.lang.management.ManagementFactory;
import java.lang.management.MemoryPoolMXBean;
import java.lang.management.MemoryType;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.Statement;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.socialbank.SocialbankApplication;
import org.socialbank.campaigns.CampaignActor;
import org.socialbank.campaigns.CampaignAudience;
import org.socialbank.campaigns.CampaignOutcome;
import org.socialbank.campaigns.CampaignRules;
import org.socialbank.campaigns.CampaignSender;
import org.socialbank.campaigns.Campaigns;
import org.socialbank.shared.Network;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Issue 17's campaign benchmark: a campaign to N recipients whose marketing consent is given is
 * approved and its audience expanded and queued (timed, with the heap's peak over the expansion),
 * then sent at a configured pace for S seconds (the achieved rate against the configured one).
 * The real application (its Spring context, its schedulers kept idle) on a fresh H2 file or a
 * fresh PostgreSQL database; the consents are seeded in SQL first (not timed). Not a test: run by
 * bench/campaigns.sh, see docs/benchmarks.md.
 *
 * <p>Arguments: {@code h2|postgres recipients rate-per-second send-seconds [jdbc-base]}.
 */
public final class CampaignBench {

    public static void main(String[] args) throws Exception {
        String store = args.length > 0 ? args[0] : "h2";
        int recipients = args.length > 1 ? Integer.parseInt(args[1]) : 1_000_000;
        int rate = args.length > 2 ? Integer.parseInt(args[2]) : 100;
        int sendSeconds = args.length > 3 ? Integer.parseInt(args[3]) : 10;
        String base = args.length > 4 ? args[4] : "jdbc:postgresql://127.0.0.1:5432/";
        String url = store.equals("h2") ? h2() : postgres(base);
        // command-line arguments, not default properties: application.properties' own
        // spring.datasource.url (./data) would win over defaults, and every run would use that file
        Map<String, String> settings = Map.of("spring.datasource.url", url,
                "socialbank.otp.pepper", randomBase64(),
                "socialbank.api.tokens", randomBase64(),
                "spring.datasource.username", store.equals("h2") ? "sa" : "postgres",
                "spring.datasource.password", "",
                "server.port", "0",
                "socialbank.alerts.follower-enabled", "false",
                "socialbank.assistant.encoder", "none",
                "socialbank.campaigns.send-interval", "1h",
                "socialbank.campaigns.messages-per-second", Integer.toString(rate));
        List<String> arguments = new java.util.ArrayList<>();
        settings.forEach((key, value) -> arguments.add("--" + key + "=" + value));
        arguments.add("--socialbank.notifications.budget-key-pepper=" + randomBase64());
        arguments.add("--socialbank.sandboxes-allowed=true"); // a bench runs on the sandboxes
        arguments.add("--socialbank.directory.loopback-base-url-allowed=true");
        arguments.add("--socialbank.campaigns.round-max=" + Math.max(1, Math.min(10_000, rate)));
        // the recipients are Telegram chats: that platform's own pace (issue 17, 3.12) is the measured one too
        arguments.add("--socialbank.campaigns.platforms.telegram.per-second=" + rate);
        ConfigurableApplicationContext context = new SpringApplicationBuilder(SocialbankApplication.class)
                .run(arguments.toArray(String[]::new));
        String used = context.getEnvironment().getProperty("spring.datasource.url");
        if (!url.equals(used)) {
            throw new IllegalStateException("the bench's database is " + url + " but the application uses " + used);
        }
        JdbcClient jdbc = context.getBean(JdbcClient.class);
        long seedStart = System.nanoTime();
        seed(context.getBean(javax.sql.DataSource.class), recipients, rate * (sendSeconds + 5));
        double seedSeconds = (System.nanoTime() - seedStart) / 1e9;

        Campaigns campaigns = context.getBean(Campaigns.class);
        CampaignAudience audience = context.getBean(CampaignAudience.class);
        UUID id = UUID.randomUUID();
        CampaignRules rules = new CampaignRules(50, null, null, java.util.Set.of(), java.util.Set.of(), 0);
        campaigns.define(id, new Campaigns.Definition("bench", Network.TELEGRAM, Map.of("en", "Bench offer"), Map.of(),
                rules), CampaignActor.client("bench-creator", "bench"));
        System.gc();
        List<MemoryPoolMXBean> heap = ManagementFactory.getMemoryPoolMXBeans().stream()
                .filter(p -> p.getType() == MemoryType.HEAP).toList();
        heap.forEach(MemoryPoolMXBean::resetPeakUsage);
        long start = System.nanoTime();
        CampaignOutcome approved = campaigns.approve(id, CampaignActor.client("bench-approver", "bench"));
        long queued = audience.expandAll(id);
        double expandSeconds = (System.nanoTime() - start) / 1e9;
        long peakHeapMb = heap.stream().mapToLong(p -> p.getPeakUsage().getUsed()).sum() / (1024 * 1024);
        if (!(approved instanceof CampaignOutcome.Done) || queued != recipients) {
            throw new IllegalStateException("approved " + approved + ", queued " + queued + " of " + recipients);
        }

        CampaignSender sender = context.getBean(CampaignSender.class);
        // Not counted: the first second's burst, and two seconds of rounds after it, during which the
        // tokens that accrued while the burst was being sent are spent; from then on every round
        // finds the bucket empty, so what is sent over the measured seconds is the pace itself.
        sender.sendRound();
        long settled = System.nanoTime() + 2_000_000_000L;
        while (System.nanoTime() < settled) {
            sender.sendRound();
            Thread.sleep(20);
        }
        long sentBefore = sent(jdbc, id);
        long t0 = System.nanoTime();
        long end = t0 + sendSeconds * 1_000_000_000L;
        while (System.nanoTime() < end) {
            sender.sendRound();
            Thread.sleep(20);
        }
        double sendElapsed = (System.nanoTime() - t0) / 1e9;
        long sentDuring = sent(jdbc, id) - sentBefore;
        double achieved = sentDuring / sendElapsed;
        System.out.printf(java.util.Locale.ROOT, "store=%s recipients=%d seed_s=%.1f expand_queue_s=%.2f "
                + "peak_heap_mb=%d max_heap_mb=%d rate_configured=%d rate_achieved=%.1f deviation_pct=%.2f%n",
                store, recipients, seedSeconds, expandSeconds, peakHeapMb,
                Runtime.getRuntime().maxMemory() / (1024 * 1024), rate, achieved, 100.0 * (achieved - rate) / rate);
        context.close();
        System.exit(0);
    }

    /** A fresh secret for this run only: the application refuses to start without one. */
    private static String randomBase64() {
        byte[] bytes = new byte[32];
        new java.security.SecureRandom().nextBytes(bytes);
        return java.util.Base64.getEncoder().encodeToString(bytes);
    }

    private static long sent(JdbcClient jdbc, UUID id) {
        return jdbc.sql("SELECT COUNT(*) FROM campaign_recipients WHERE campaign_id = ? AND status = 'sent'").param(id)
                .query(Long.class).single();
    }

    private static String h2() throws Exception {
        Path dir = Files.createTempDirectory("sb-campaign-bench");
        return "jdbc:h2:file:" + dir.resolve("socialbank") + ";MODE=PostgreSQL;DATABASE_TO_LOWER=TRUE;"
                + "DEFAULT_NULL_ORDERING=HIGH;WRITE_DELAY=0;LOCK_TIMEOUT=10000";
    }

    private static String postgres(String base) throws Exception {
        String db = "sb_campaign_bench";
        try (Connection admin = DriverManager.getConnection(base + "postgres", "postgres", "");
                Statement s = admin.createStatement()) {
            s.execute("DROP DATABASE IF EXISTS " + db);
            s.execute("CREATE DATABASE " + db);
        }
        return base + db;
    }

    /**
     * N Telegram accounts with a given marketing consent (history row and current state), and a
     * chat identity for the first {@code reachable} of them (the ones the send phase reaches).
     */
    private static void seed(javax.sql.DataSource data, int n, int reachable) throws Exception {
        OffsetDateTime now = OffsetDateTime.now(ZoneOffset.UTC);
        try (Connection c = data.getConnection()) {
            c.setAutoCommit(false);
            try (PreparedStatement event = c.prepareStatement("INSERT INTO consent_events (id, channel, external_user_id, "
                    + "purpose, status, shown_text, evidence, source, recorded_at) VALUES (?, 'telegram', ?, 'marketing', "
                    + "'given', 'Offers? Yes', ?, 'api', ?)");
                    PreparedStatement consent = c.prepareStatement("INSERT INTO consents (channel, external_user_id, "
                            + "purpose, status, event_id, changed_at) VALUES ('telegram', ?, 'marketing', 'given', ?, ?)");
                    PreparedStatement identity = c.prepareStatement("INSERT INTO channel_identities (id, channel, "
                            + "external_id, reachable, created_at) VALUES (?, 'telegram', ?, TRUE, ?)")) {
                for (int i = 0; i < n; i++) {
                    String user = String.format("%010d", i);
                    UUID eventId = UUID.randomUUID();
                    event.setObject(1, eventId);
                    event.setString(2, user);
                    event.setString(3, "bench-" + user);
                    event.setObject(4, now);
                    event.addBatch();
                    consent.setString(1, user);
                    consent.setObject(2, eventId);
                    consent.setObject(3, now);
                    consent.addBatch();
                    if (i < reachable) {
                        identity.setObject(1, UUID.randomUUID());
                        identity.setString(2, user);
                        identity.setObject(3, now);
                        identity.addBatch();
                    }
                    if (i % 5_000 == 4_999 || i == n - 1) {
                        event.executeBatch();
                        consent.executeBatch();
                        identity.executeBatch();
                        c.commit();
                    }
                }
            }
        }
    }
}
