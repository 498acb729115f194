package org.socialbank.shared.jdbc;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.stream.Collectors;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.socialbank.shared.DemoMode;
import org.socialbank.shared.Durability;
import org.socialbank.shared.SandboxInUse;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.SmartInitializingSingleton;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.beans.factory.config.BeanDefinition;
import org.springframework.beans.factory.config.BeanFactoryPostProcessor;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** The kernel's beans: the clock, how commits are made durable, and whether this node is a demo bank. */
@Configuration(proxyBeanMethods = false)
class KernelConfiguration {

    private static final Logger log = LoggerFactory.getLogger(KernelConfiguration.class);

    /** Lets a node outside demo mode give customers a loopback public address: tests and a local node only. */
    static final String LOOPBACK_BASE_URL_ALLOWED = "socialbank.directory.loopback-base-url-allowed";

    @Bean
    @ConditionalOnMissingBean
    Clock clock() {
        return Clock.systemUTC();
    }

    @Bean
    Durability durability(
            @Value("${spring.datasource.url}") String url,
            @Value("${spring.datasource.username:sa}") String user,
            @Value("${spring.datasource.password:}") String password) {
        Optional<Path> file = h2File(url);
        if (file.isPresent() && !url.toUpperCase(Locale.ROOT).replace(" ", "").contains(";WRITE_DELAY=0")) {
            throw new IllegalStateException("spring.datasource.url: an H2 file store must have ;WRITE_DELAY=0, "
                    + "or a commit may still be in memory when the bank answers 2xx (see docs/adr/0002)");
        }
        if (file.isPresent()) {
            log.info("Commits on the embedded store are made durable by fsync of {}", file.get());
            H2FileSync sync = new H2FileSync(file.get());
            if (sync.mayHoldHalfTransactions() && Files.exists(file.get())) {
                H2StoreRebuild.rebuild(url, user, password, file.get()); // before the pool opens it
            }
            sync.running(); // removed after the pool closes (H2FileSync.destroy); a kill leaves it
            return sync;
        }
        return () -> {}; // PostgreSQL flushes its WAL at commit (synchronous_commit=on)
    }

    /**
     * The store's {@link Durability} is made before the connection pool and closed after it: on the
     * H2 file it rebuilds a store that a kill left torn (docs/adr/0017) before anything, Flyway
     * first, connects, and notes a clean stop only once the pool, and H2 with it, has closed.
     */
    @Bean
    static BeanFactoryPostProcessor durabilityBeforeThePool() {
        return beanFactory -> {
            if (!beanFactory.containsBeanDefinition("durability")) {
                return;
            }
            // every pool, whatever its name: one that opened the H2 file before the rebuild would
            // lose it to the rebuild's SHUTDOWN
            for (String name : beanFactory.getBeanNamesForType(javax.sql.DataSource.class, true, false)) {
                if (!beanFactory.containsBeanDefinition(name)) {
                    continue; // a parent context's
                }
                BeanDefinition pool = beanFactory.getBeanDefinition(name);
                String[] before = pool.getDependsOn() == null ? new String[0] : pool.getDependsOn();
                String[] after = java.util.Arrays.copyOf(before, before.length + 1);
                after[before.length] = "durability";
                pool.setDependsOn(after);
            }
        };
    }

    /**
     * Demo mode only when asked for (security review #8): it publishes one-time codes, a known
     * pepper and a money-minting page, so it is never implied by the store, and it refuses to run
     * where customers could reach it.
     */
    @Bean
    DemoMode demoMode(
            @Value("${" + DemoMode.PROPERTY + ":false}") boolean enabled,
            @Value("${socialbank.directory.public-base-url:http://localhost:8080}") String publicBaseUrl,
            @Value("${" + LOOPBACK_BASE_URL_ALLOWED + ":false}") boolean loopbackAllowed) {
        if (!enabled && !loopbackAllowed && loopback(publicBaseUrl)) {
            throw new IllegalStateException("socialbank.directory.public-base-url=" + publicBaseUrl
                    + " outside demo mode: customers would get one-time links to a loopback address; set "
                    + "SOCIALBANK_DIRECTORY_PUBLIC_BASE_URL (socialbank.directory.public-base-url) to the address "
                    + "customers reach this bank's pages at (a test or a local node may set "
                    + LOOPBACK_BASE_URL_ALLOWED + "=true)");
        }
        if (enabled && !loopback(publicBaseUrl)) {
            throw new IllegalStateException(
                    DemoMode.PROPERTY + "=true with socialbank.directory.public-base-url="
                            + publicBaseUrl
                            + ": demo mode publishes one-time codes and a known pepper, so it runs only "
                            + "on a loopback address (localhost, 127.0.0.1, [::1]); turn demo mode off or the public URL local");
        }
        if (enabled) {
            log.warn(
                    "Demo mode is on: public demo passwords, a development pepper and the /dev pages; never for customers");
        }
        return new DemoMode(enabled);
    }

    /**
     * Outside demo mode a node refuses to start on a sandbox (a payout "settled" with no money
     * leaving, a pull credited from nothing) unless {@value SandboxInUse#ALLOWED} is set, for
     * staging; it names every SPI still missing. Checked once every singleton exists, before the
     * web server opens its port.
     */
    @Bean
    static SmartInitializingSingleton noSandboxesInProduction(
            ObjectProvider<DemoMode> demo,
            ObjectProvider<SandboxInUse> sandboxes,
            @Value("${" + SandboxInUse.ALLOWED + ":false}") boolean allowed) {
        return () -> {
            List<SandboxInUse> used = sandboxes.orderedStream().toList();
            if (used.isEmpty() || demo.getObject().enabled() || allowed) {
                return;
            }
            throw new IllegalStateException("Outside demo mode these SPIs have no real implementation, and their "
                    + "sandboxes move no money: "
                    + used.stream()
                            .map(s -> s.spi().getSimpleName() + " (" + s.spi().getName() + ": " + s.effect() + ")")
                            .collect(Collectors.joining("; "))
                    + ". Provide a bean of each (README, \"Plugging in a bank's partners\"), or set "
                    + SandboxInUse.ALLOWED + "=true on a staging node");
        };
    }

    /** Whether a URL names this machine by a loopback name or literal address (no DNS is asked). */
    static boolean loopback(String url) {
        String host;
        try {
            host = java.net.URI.create(url.strip()).getHost();
        } catch (IllegalArgumentException e) {
            return false;
        }
        if (host == null) {
            return false;
        }
        String name = host.toLowerCase(Locale.ROOT);
        if (name.equals("localhost") || name.endsWith(".localhost")) {
            return true;
        }
        if (name.startsWith("[") && name.endsWith("]")) {
            return name.equals("[::1]") || name.equals("[0:0:0:0:0:0:0:1]");
        }
        return name.matches("127\\.\\d{1,3}\\.\\d{1,3}\\.\\d{1,3}");
    }

    /**
     * On PostgreSQL every connection asks for {@code synchronous_commit=on}, whatever the server's
     * default: a 2xx promises the commit is on disk; and pgJDBC rewrites batched INSERTs into
     * multi-row ones (no caller reads a batch's update counts, which the rewrite leaves unknown).
     */
    @Bean
    static org.springframework.beans.factory.config.BeanPostProcessor synchronousCommits() {
        return new org.springframework.beans.factory.config.BeanPostProcessor() {
            @Override
            public Object postProcessBeforeInitialization(Object bean, String name) {
                if (bean instanceof com.zaxxer.hikari.HikariDataSource hikari
                        && hikari.getJdbcUrl() != null
                        && hikari.getJdbcUrl().startsWith("jdbc:postgresql:")) {
                    hikari.setConnectionInitSql("SET synchronous_commit TO on");
                    // a JDBC batch of INSERTs travels as multi-row INSERTs: the ledger's groups and
                    // a campaign's pages of recipients (issue 22, issue 17's 1,000,000 recipients)
                    hikari.addDataSourceProperty("reWriteBatchedInserts", "true");
                }
                return bean;
            }
        };
    }

    /** The MVStore file of an H2 file database, or empty for memory, server and other stores. */
    static Optional<Path> h2File(String url) {
        if (!url.startsWith("jdbc:h2:")) {
            return Optional.empty();
        }
        String name = url.substring("jdbc:h2:".length());
        int settings = name.indexOf(';');
        if (settings >= 0) {
            name = name.substring(0, settings);
        }
        String lower = name.toLowerCase(Locale.ROOT);
        if (lower.startsWith("mem:") || lower.startsWith("tcp:") || lower.startsWith("ssl:")) {
            return Optional.empty();
        }
        if (lower.startsWith("file:")) {
            name = name.substring("file:".length());
        }
        if (name.startsWith("~")) {
            name = System.getProperty("user.home") + name.substring(1);
        }
        return Optional.of(Path.of(name + ".mv.db").toAbsolutePath().normalize());
    }
}
