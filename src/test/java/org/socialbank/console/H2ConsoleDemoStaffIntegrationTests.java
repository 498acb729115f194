package org.socialbank.console;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import org.junit.jupiter.api.Test;
import org.socialbank.security.otp.Totp;
import org.socialbank.security.otp.TotpSecret;
import org.socialbank.support.FormClient;
import org.socialbank.support.TestStores;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/** The contract: in demo mode, each demo member of staff signs in with the documented password and secret. */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class H2ConsoleDemoStaffIntegrationTests {

    @LocalServerPort
    int port;

    @DynamicPropertySource
    static void store(DynamicPropertyRegistry registry) {
        TestStores.h2(registry);
        registry.add("socialbank.demo.enabled", () -> "true");
        registry.add("socialbank.web.secure-cookies", () -> "false");
    }

    @Test
    void everyDemoMemberOfStaffSignsInWithTheDocumentedCredentials() {
        byte[] secret = TotpSecret.ofBase32("SOCIALBANKCONSOLEDEMOSTAFFSECRET").bytes();
        for (String name : new String[] {"agent", "supervisor", "campaigns", "auditor", "admin"}) {
            FormClient client = new FormClient(port);
            client.get("/console/login?lang=en");
            client.post("/console/login", "username", name, "password", name + "-demo-2026");
            FormClient.Page home =
                    client.post("/console/login/code", "code", Totp.defaults().code(secret, Instant.now()));
            assertThat(home.html()).as(name).contains("Welcome, ").contains("Sign out");
        }
    }
}
