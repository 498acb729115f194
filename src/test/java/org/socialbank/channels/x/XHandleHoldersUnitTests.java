package org.socialbank.channels.x;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import org.junit.jupiter.api.Test;
import org.socialbank.directory.HandleHolders;

/** X's answers to {@code GET /2/users/by/username/<username>}, as the claims read them (security review #1). */
class XHandleHoldersUnitTests {

    static XApi.Ok ok(String json) {
        return new XApi.Ok(XApi.JSON.readTree(json));
    }

    @Test
    void aUserIsFoundByItsImmutableId() {
        assertThat(XHandleHolders.read(
                        ok("{\"data\":{\"id\":\"2244994945\",\"name\":\"X Dev\",\"username\":\"XDevelopers\"}}"),
                        "xdevelopers"))
                .isEqualTo(new HandleHolders.Found("2244994945"));
    }

    @Test
    void errorsMeanNobodyAndAnythingElseMeansAskLater() {
        assertThat(XHandleHolders.read(
                        ok("{\"errors\":[{\"title\":\"Not Found Error\",\"type\":"
                                + "\"https://api.twitter.com/2/problems/resource-not-found\"}]}"),
                        "nobody"))
                .isEqualTo(new HandleHolders.NoSuchAccount());
        assertThat(XHandleHolders.read(ok("{\"data\":{\"id\":\"not-a-number\",\"username\":\"bob\"}}"), "bob"))
                .isInstanceOf(HandleHolders.Unknown.class);
        assertThat(XHandleHolders.read(ok("{\"data\":{\"id\":\"42\",\"username\":\"alice\"}}"), "bob"))
                .as("another user's answer")
                .isInstanceOf(HandleHolders.Unknown.class);
        assertThat(XHandleHolders.read(new XApi.Refused(404, "users: HTTP 404"), "bob"))
                .as("a wrong api-base-url refuses nobody")
                .isInstanceOf(HandleHolders.Unknown.class);
        assertThat(XHandleHolders.read(new XApi.Refused(401, "users: HTTP 401"), "bob"))
                .isInstanceOf(HandleHolders.Unknown.class);
        assertThat(XHandleHolders.read(new XApi.Paused(Instant.EPOCH), "bob"))
                .isInstanceOf(HandleHolders.Unknown.class);
        assertThat(XHandleHolders.read(new XApi.NoAnswer(false, "no connection"), "bob"))
                .isInstanceOf(HandleHolders.Unknown.class);
    }

    @Test
    void somethingThatIsNoUsernameIsNobodysWithoutAskingX() {
        XHandleHolders holders = new XHandleHolders(null); // X is never called
        assertThat(holders.holder("a.b")).isEqualTo(new HandleHolders.NoSuchAccount());
        assertThat(holders.holder("x".repeat(16))).isEqualTo(new HandleHolders.NoSuchAccount());
        assertThat(holders.holder(null)).isEqualTo(new HandleHolders.NoSuchAccount());
    }
}
