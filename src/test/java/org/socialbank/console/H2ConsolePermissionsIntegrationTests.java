package org.socialbank.console;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Clock;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.UUID;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.socialbank.console.staff.StaffAccounts;
import org.socialbank.support.FormClient;
import org.socialbank.support.TestStores;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.web.bind.annotation.RequestMethod;
import org.springframework.web.servlet.mvc.method.RequestMappingInfo;
import org.springframework.web.servlet.mvc.method.annotation.RequestMappingHandlerMapping;

/**
 * The role x endpoint matrix: every console page for every role, 403 problem+json where the role
 * lacks the permission, and signed out, a redirect to the sign-in. A second walk takes every
 * {@code /console} address any module maps and checks that none answers a signed-out caller.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class H2ConsolePermissionsIntegrationTests {

    /** A console page and the permission it needs (null: any member of staff). */
    record Page(String path, Permission needs) {}

    static final List<Page> PAGES = List.of(
            new Page("/console", null),
            new Page("/console/dashboard.csv", Permission.DASHBOARD),
            new Page("/console/dashboard", Permission.DASHBOARD),
            new Page("/console/audit", Permission.AUDIT),
            new Page("/console/audit.csv", Permission.AUDIT),
            new Page("/console/staff", Permission.STAFF),
            new Page("/console/staff/new", Permission.STAFF),
            new Page("/console/conversations/bot", Permission.CONVERSATIONS),
            new Page("/console/conversations/keywords", Permission.SUPERVISE),
            new Page("/console/conversations/ratings", Permission.SUPERVISE));

    @LocalServerPort
    int port;

    @Autowired
    StaffAccounts accounts;

    @Autowired
    Clock clock;

    @Autowired
    @Qualifier("requestMappingHandlerMapping")
    RequestMappingHandlerMapping mappings;

    final Map<Role, FormClient> clients = new EnumMap<>(Role.class);

    @DynamicPropertySource
    static void store(DynamicPropertyRegistry registry) {
        TestStores.h2(registry);
        registry.add("socialbank.web.secure-cookies", () -> "false");
    }

    @BeforeAll
    void signInOnePersonPerRole() {
        ConsoleStaff staff = new ConsoleStaff(accounts, clock);
        for (Role role : Role.values()) {
            clients.put(role, staff.signedIn(port, role));
        }
    }

    @Test
    void everyRoleGetsExactlyThePagesItsPermissionsAllow() {
        List<String> wrong = new ArrayList<>();
        for (Role role : Role.values()) {
            for (Page page : PAGES) {
                boolean allowed = page.needs() == null || page.needs().grantedTo(Set.of(role));
                FormClient.Page answer = clients.get(role).get(page.path());
                boolean ok = allowed
                        ? answer.status() == 200
                        : answer.status() == 403 && answer.contains("\"code\":\"forbidden\"");
                if (!ok) {
                    wrong.add(role + " " + page.path() + " -> " + answer.status());
                }
            }
        }
        assertThat(wrong).isEmpty();
    }

    @Test
    void onlyTheAdministratorUnlocksAccounts() {
        for (Role role : Role.values()) {
            FormClient client = clients.get(role);
            client.get("/console");
            FormClient.Page answer = client.post(
                    "/console/staff/nobody-" + UUID.randomUUID().toString().substring(0, 8) + "/unlock");
            assertThat(answer.status()).as(role.name()).isEqualTo(role == Role.ADMIN ? 400 : 403);
        }
    }

    @Test
    void theChainRefusesTheOtherModulesAddressesToRolesWithoutTheirPermission() {
        List<String> wrong = new ArrayList<>();
        Map<String, Permission> reserved = Map.of(
                "/console/conversations",
                Permission.CONVERSATIONS,
                "/console/queues",
                Permission.CONVERSATIONS,
                "/console/campaigns",
                Permission.CAMPAIGNS);
        for (Role role : Role.values()) {
            reserved.forEach((path, permission) -> {
                int status =
                        clients.get(role).get(path + "/" + UUID.randomUUID()).status();
                boolean ok = permission.grantedTo(Set.of(role)) ? status != 403 : status == 403;
                if (!ok) {
                    wrong.add(role + " " + path + " -> " + status);
                }
            });
        }
        assertThat(wrong).isEmpty();
    }

    @Test
    void theDashboardNumbersShowOnlyToRolesWithTheDashboard() {
        for (Role role : Role.values()) {
            FormClient.Page home = clients.get(role).get("/console");
            assertThat(home.contains("id=\"dashboard\""))
                    .as(role.name())
                    .isEqualTo(Permission.DASHBOARD.grantedTo(Set.of(role)));
            assertThat(home.contains("href=\"/console/audit\"")).as(role.name()).isEqualTo(role == Role.AUDITOR);
            assertThat(home.contains("href=\"/console/staff\"")).as(role.name()).isEqualTo(role == Role.ADMIN);
        }
    }

    @Test
    void signedOutEveryConsoleAddressOfEveryModuleSendsToTheSignIn() throws Exception {
        HttpClient http = HttpClient.newBuilder()
                .followRedirects(HttpClient.Redirect.NEVER)
                .build();
        Set<String> walked = new TreeSet<>();
        List<String> wrong = new ArrayList<>();
        for (RequestMappingInfo info : mappings.getHandlerMethods().keySet()) {
            if (info.getPathPatternsCondition() == null) {
                continue;
            }
            Set<RequestMethod> methods = info.getMethodsCondition().getMethods();
            for (String pattern : info.getPathPatternsCondition().getPatternValues()) {
                if (!pattern.startsWith("/console") || pattern.startsWith("/console/login")) {
                    continue;
                }
                String path = pattern.replaceAll("\\{[^}]+}", UUID.randomUUID().toString());
                String method = methods.isEmpty() || methods.contains(RequestMethod.GET)
                        ? "GET"
                        : methods.iterator().next().name();
                HttpResponse<String> answer = http.send(
                        HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path))
                                .method(method, HttpRequest.BodyPublishers.noBody())
                                .build(),
                        HttpResponse.BodyHandlers.ofString());
                walked.add(method + " " + pattern);
                boolean ok = "GET".equals(method)
                        ? answer.statusCode() == 303
                                && answer.headers()
                                        .firstValue("Location")
                                        .orElse("")
                                        .endsWith("/console/login")
                        : answer.statusCode() == 401 || answer.statusCode() == 403;
                if (!ok) {
                    wrong.add(method + " " + pattern + " -> " + answer.statusCode());
                }
            }
        }
        assertThat(walked)
                .contains(
                        "GET /console",
                        "GET /console/audit",
                        "GET /console/audit.csv",
                        "GET /console/staff",
                        "GET /console/dashboard.csv",
                        "GET /console/dashboard",
                        "POST /console/logout");
        assertThat(wrong).isEmpty();
    }
}
