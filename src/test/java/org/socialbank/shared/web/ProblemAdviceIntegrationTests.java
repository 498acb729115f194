package org.socialbank.shared.web;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.socialbank.support.Api;
import org.socialbank.support.Api.Response;
import org.socialbank.support.TestStores;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.annotation.Import;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * Issue 14, item 7: only what a web adapter refused itself is the client's 400; an {@link
 * IllegalArgumentException} from inside the bank is the bank's fault, answered 500 without its
 * internal message (it used to reach the client as a 400 carrying it).
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@Import(ProblemAdviceIntegrationTests.Probes.class)
class ProblemAdviceIntegrationTests {

    @LocalServerPort
    int port;

    @DynamicPropertySource
    static void store(DynamicPropertyRegistry registry) {
        TestStores.h2(registry);
    }

    /** Two endpoints that fail the two ways; under {@code /dev/}, which a program reads and needs no token. */
    @RestController
    static class Probes {

        @GetMapping("/dev/issue-14/internal.json")
        String internal() {
            throw new IllegalArgumentException("unknown identity 5c0ffee0-0000-4000-8000-000000000014");
        }

        @GetMapping("/dev/issue-14/refused.json")
        String refused() {
            throw new BadRequest("limit must be 1..500");
        }

        /** A page that reads a query parameter, for a person. */
        @GetMapping("/issue-14/param")
        String param(@RequestParam String q) {
            return q;
        }

        @GetMapping("/dev/issue-14/coded.json")
        String coded() {
            throw new BadRequest("unknown_kind", "kind is direct or bonus.");
        }
    }

    @DisplayName("issue 14: an internal IllegalArgumentException is a 500 that does not echo its message")
    @Test
    void anInternalIllegalArgumentIsTheBanksFault() {
        Response internal = new Api(port).get("/dev/issue-14/internal.json");
        assertThat(internal.status()).as(internal.toString()).isEqualTo(500);
        assertThat(internal.contentType()).startsWith("application/problem+json");
        assertThat(internal.code()).isEqualTo("internal_error");
        assertThat(internal.body()).doesNotContain("unknown identity", "5c0ffee0");
    }

    @DisplayName("issue 14: a BadRequest is the client's 400, with its code and detail")
    @Test
    void aBadRequestIsTheClients() {
        Response refused = new Api(port).get("/dev/issue-14/refused.json");
        assertThat(refused.status()).as(refused.toString()).isEqualTo(400);
        assertThat(refused.contentType()).startsWith("application/problem+json");
        assertThat(refused.code()).isEqualTo("invalid_request");
        assertThat(refused.json().path("detail").asString()).isEqualTo("limit must be 1..500");

        Response coded = new Api(port).get("/dev/issue-14/coded.json");
        assertThat(coded.status()).isEqualTo(400);
        assertThat(coded.code()).isEqualTo("unknown_kind");
        assertThat(coded.json().path("detail").asString()).isEqualTo("kind is direct or bonus.");
    }

    @DisplayName(
            "regression 03aa569a: a query value that is not UTF-8 is a 400, malformed_request for a program and the"
                    + " bank's page for a person (Tomcat's InvalidParameterException was a 500)")
    @Test
    void aQueryThatIsNotUtf8IsTheClients() {
        Api api = new Api(port);
        Response program = api.get("/api/v1/customers?cursor=%FF");
        assertThat(program.status()).as(program.toString()).isEqualTo(400);
        assertThat(program.contentType()).startsWith("application/problem+json");
        assertThat(program.code()).isEqualTo("malformed_request");
        assertThat(program.body()).doesNotContain("cursor", "Exception");

        Response person = api.send(api.request("/issue-14/param?q=%FF")
                .header("Accept", "text/html")
                .GET()
                .build());
        assertThat(person.status()).as(person.toString()).isEqualTo(400);
        assertThat(person.contentType()).startsWith("text/html");
        assertThat(person.body()).doesNotContain("Exception", "at org.");
    }
}
