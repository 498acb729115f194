package org.socialbank.payments;

import static org.assertj.core.api.Assertions.assertThat;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.time.Clock;
import java.util.Optional;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.socialbank.directory.Alias;
import org.socialbank.directory.AliasType;
import org.socialbank.directory.HandleHolders;
import org.socialbank.payments.ClaimGuards.Sender;
import org.socialbank.shared.Network;
import org.springframework.beans.factory.support.StaticListableBeanFactory;

/** Who proves a claim of a handle: ids compared with ids, handles with handles (security review #1 and #16). */
class ClaimGuardsUnitTests {

    static Alias handle(Network network, String value) {
        return Alias.parse(AliasType.HANDLE, network, value, null);
    }

    @Test
    @DisplayName(
            "security review #1: on X only the account id X resolved proves the claim, never a reported screen_name")
    void onXOnlyTheResolvedAccountIdProvesTheClaim() {
        Alias bob = handle(Network.X, "bob");
        assertThat(ClaimGuards.sender(bob, Network.X, "1400000000000000042", "bob", Optional.of("1400000000000000042")))
                .isEqualTo(Sender.PAYEE);
        assertThat(ClaimGuards.sender(
                        bob, Network.X, "1400000000000000042", "someone", Optional.of("1400000000000000042")))
                .as("the reported handle does not matter")
                .isEqualTo(Sender.PAYEE);
        assertThat(ClaimGuards.sender(bob, Network.X, "1999", "bob", Optional.of("1400000000000000042")))
                .as("a forged screen_name")
                .isEqualTo(Sender.SOMEONE_ELSE);
        assertThat(ClaimGuards.sender(bob, Network.X, "1999", "bob", Optional.empty()))
                .as("X was not asked yet")
                .isEqualTo(Sender.UNKNOWN_YET);
        assertThat(ClaimGuards.sender(bob, Network.TELEGRAM, "1999", "bob", Optional.empty()))
                .as("another network")
                .isEqualTo(Sender.SOMEONE_ELSE);
    }

    @Test
    @DisplayName("security review #16: an all-digit screen name never matches a user id")
    void anAllDigitHandleIsNeverMatchedByAUserId() {
        Alias digits = handle(Network.X, "1234567");
        assertThat(ClaimGuards.sender(digits, Network.X, "1234567", null, Optional.of("1400000000000000042")))
                .isEqualTo(Sender.SOMEONE_ELSE);
        assertThat(ClaimGuards.sender(digits, Network.X, "1234567", null, Optional.empty()))
                .isEqualTo(Sender.UNKNOWN_YET);
        Alias telegram = handle(Network.TELEGRAM, "bob_t");
        assertThat(ClaimGuards.sender(
                        handle(Network.TELEGRAM, "42"), Network.TELEGRAM, "42", "bob_t", Optional.empty()))
                .as("a Telegram user id is not a username")
                .isEqualTo(Sender.SOMEONE_ELSE);
        assertThat(ClaimGuards.sender(telegram, Network.TELEGRAM, "42", "@Bob_T", Optional.empty()))
                .isEqualTo(Sender.PAYEE);
        assertThat(ClaimGuards.sender(telegram, Network.TELEGRAM, "bob_t", null, Optional.empty()))
                .as("a chat id spelled like the handle")
                .isEqualTo(Sender.SOMEONE_ELSE);
    }

    @Test
    void onWeChatAndWhatsAppTheHandleIsTheAccountId() {
        Alias openid = handle(Network.WECHAT, "oAbC-123_xyz");
        assertThat(ClaimGuards.sender(openid, Network.WECHAT, "oAbC-123_xyz", null, Optional.empty()))
                .isEqualTo(Sender.PAYEE);
        assertThat(ClaimGuards.sender(openid, Network.WECHAT, "oabc-123_xyz", "oAbC-123_xyz", Optional.empty()))
                .as("case-sensitive ids; a reported handle is not an id")
                .isEqualTo(Sender.SOMEONE_ELSE);
        Alias wa = handle(Network.WHATSAPP, "+33 6 12 34 56 78");
        assertThat(ClaimGuards.sender(wa, Network.WHATSAPP, "33612345678", null, Optional.empty()))
                .isEqualTo(Sender.PAYEE);
    }

    @Test
    @DisplayName("a users lookup X does not answer counts in socialbank.payments.handle.holder.unknown, per"
            + " network; an answer does not (reread 2026-12-08 directory)")
    void anUnansweredLookupIsCounted() {
        String[] answer = {"unknown"};
        HandleHolders x = new HandleHolders() {
            @Override
            public Network network() {
                return Network.X;
            }

            @Override
            public Holder holder(String handle) {
                return answer[0].equals("unknown") ? new Unknown("x: rate limited") : new Found("1400000000000000042");
            }
        };
        StaticListableBeanFactory beans = new StaticListableBeanFactory();
        beans.addBean("x", x);
        SimpleMeterRegistry meters = new SimpleMeterRegistry();
        ClaimGuards guards =
                new ClaimGuards(beans.getBeanProvider(HandleHolders.class), null, null, Clock.systemUTC(), meters);

        guards.resolve(handle(Network.X, "bob"));
        guards.resolve(handle(Network.X, "carol"));
        answer[0] = "found";
        guards.resolve(handle(Network.X, "bob"));
        guards.resolve(handle(Network.TELEGRAM, "dave_t")); // no channel answers for Telegram here

        assertThat(meters.get(ClaimGuards.UNKNOWN_HOLDERS)
                        .tag("network", "x")
                        .counter()
                        .count())
                .isEqualTo(2.0);
        assertThat(meters.get(ClaimGuards.UNKNOWN_HOLDERS)
                        .tag("network", "telegram")
                        .counter()
                        .count())
                .isEqualTo(1.0);
    }
}
