package org.socialbank.branches;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.socialbank.SocialbankApplication;
import org.socialbank.support.Api;
import org.socialbank.support.Api.Response;
import org.socialbank.support.TestStores;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.boot.web.server.context.WebServerApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;
import tools.jackson.databind.JsonNode;

/**
 * The demo bank's branches take appointments: every branch that is not an ATM has services and
 * opening hours, free slots on the coming working days, and a demo customer can book one; the
 * OpenAPI document describes the endpoints.
 */
@ExtendWith(OutputCaptureExtension.class)
class DemoBranchSlotsIntegrationTests {

    static final Pattern TOKEN = Pattern.compile("API token for this run is (sb_demo_[A-Za-z0-9_-]+)");

    @Test
    void everyDemoBranchHasFreeSlotsOnTheComingWorkingDays(@TempDir Path dir, CapturedOutput output) {
        try (ConfigurableApplicationContext demo = new SpringApplicationBuilder(SocialbankApplication.class)
                .run(
                        "--server.port=0",
                        "--spring.datasource.url=" + TestStores.h2Url(dir),
                        "--socialbank.demo.enabled=true")) {
            Matcher token = TOKEN.matcher(output.getOut());
            assertThat(token.find()).isTrue();
            int port = ((WebServerApplicationContext) demo).getWebServer().getPort();
            Api api = new Api("http://127.0.0.1:" + port, token.group(1));
            JsonNode branches = api.get("/api/v1/branches").json().path("branches");
            int booked = 0;
            for (JsonNode branch : branches) {
                if (branch.path("atmOnly").asBoolean()) {
                    assertThat(branch.path("services")).isEmpty();
                    continue;
                }
                assertThat(branch.path("services").toString())
                        .as(branch.toString())
                        .contains("mortgage", "cash");
                assertThat(branch.path("openingHours").size())
                        .as(branch.toString())
                        .isGreaterThanOrEqualTo(5);
                LocalDate today = LocalDate.now(ZoneId.of(branch.path("zone").asString()));
                int daysWithFreeSlots = 0;
                String firstFree = null;
                for (int i = 1; i <= 7; i++) {
                    Response slots = api.get(
                            "/api/v1/branches/" + branch.path("id").asString() + "/slots?date=" + today.plusDays(i));
                    assertThat(slots.status()).isEqualTo(200);
                    for (JsonNode slot : slots.json().path("slots")) {
                        if (slot.path("capacityLeft").asInt() > 0) {
                            daysWithFreeSlots++;
                            firstFree = firstFree == null ? slot.path("start").asString() : firstFree;
                            break;
                        }
                    }
                }
                assertThat(daysWithFreeSlots).as(branch.path("id").asString()).isGreaterThanOrEqualTo(5);
                String alice = api.get("/api/v1/demo/customers")
                        .json()
                        .path("customers")
                        .get(0)
                        .path("id")
                        .asString();
                Response book = api.post(
                        "/api/v1/appointments",
                        "{\"id\":\"" + UUID.randomUUID() + "\",\"customerId\":\""
                                + alice + "\",\"branchId\":\""
                                + branch.path("id").asString() + "\",\"start\":\"" + firstFree
                                + "\",\"service\":\"mortgage\"}");
                assertThat(book.status()).as(book.body()).isEqualTo(201);
                booked++;
            }
            assertThat(booked).isEqualTo(6);
            String docs = new Api("http://127.0.0.1:" + port, null)
                    .get("/v3/api-docs")
                    .body();
            assertThat(docs)
                    .contains(
                            "/api/v1/branches/{id}/slots",
                            "/api/v1/appointments/{id}/reschedule",
                            "/api/v1/appointments/{id}/cancel");
        }
    }
}
