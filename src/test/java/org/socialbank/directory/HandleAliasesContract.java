package org.socialbank.directory;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.UUID;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.socialbank.directory.jdbc.JdbcDirectory;
import org.socialbank.shared.Network;
import org.socialbank.shared.jdbc.Timestamps;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.simple.JdbcClient;

/** Handle aliases on networks whose handles change hands: when the bank lets one go, and to whom it binds one. */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.NONE)
abstract class HandleAliasesContract {

    @Autowired
    JdbcClient jdbc;

    @Autowired
    Directory directory;

    @Autowired
    JdbcDirectory store;

    @Autowired
    ChannelIdentities identities;

    @Autowired
    Linking linking;

    private final String suffix = UUID.randomUUID().toString().replace("-", "").substring(0, 10);

    @Test
    @DisplayName("a Telegram or Bale account that removed its username (a private message without one) no"
            + " longer holds the handle alias it proved: released as handle_dropped; a report that is not"
            + " its own private message, or an X event without the handle, keeps it (reread 2026-12-08 directory)")
    void aDroppedUsernameReleasesTheAlias() {
        CustomerId alice = customer("Alice Walker");
        for (Network network : new Network[] {Network.TELEGRAM, Network.BALE}) {
            Alias bob = handle(network, "bob");
            String bobId = "1" + Math.abs(UUID.randomUUID().getMostSignificantBits() % 1_000_000_000L);
            bound(alice, bob, bobId);
            identities.identifyWriter(network, bobId, bob.value(), null);
            identities.identify(network, bobId, null, null); // the bank's own look-up: says nothing of the username
            identities.identifyInGroup(network, bobId, null, null);
            assertThat(directory.resolve(bob))
                    .as(network + ": no private message without it yet")
                    .isPresent();

            identities.identifyWriter(network, bobId, null, null); // Bob removed @bob
            assertThat(directory.resolve(bob)).as(network + ": dropped").isEmpty();
            assertThat(directory.aliasAudit(bob))
                    .extracting(c -> c.action() + ":" + c.actor() + ":" + c.reason())
                    .containsExactly("added:system:null", "released:system:handle_dropped");
        }
        Alias xBob = handle(Network.X, "xbob");
        String xId = String.valueOf(Math.abs(UUID.randomUUID().getLeastSignificantBits() % 1_000_000_000L));
        bound(alice, xBob, xId);
        identities.identifyWriter(Network.X, xId, xBob.value(), null);
        identities.identifyWriter(Network.X, xId, null, null); // an X event lacking the users map
        assertThat(directory.resolve(xBob))
                .as("an X account always has a handle")
                .isPresent();
    }

    @Test
    @DisplayName("a handle alias recorded without its account is left alone while the account reporting the"
            + " handle is linked to nobody, bound when it links to the alias's customer, released when it is"
            + " linked to another (reread 2026-12-08 directory)")
    void anUnboundHandleWaitsForTheLink() {
        CustomerId alice = customer("Alice Walker");
        Alias al = handle(Network.TELEGRAM, "al");
        directory.addAlias(alice, al, true, DirectoryActor.SYSTEM); // staff, no account known
        String own = "t-" + UUID.randomUUID();
        ChannelIdentity account = identities.identifyWriter(Network.TELEGRAM, own, al.value(), null);
        assertThat(directory.resolve(al))
                .as("its owner's account, before linking")
                .isPresent();
        assertThat(store.held(al).orElseThrow().externalId()).isNull();

        linking.link(account.id(), alice);
        assertThat(store.held(al).orElseThrow().externalId())
                .as("bound at link time")
                .isEqualTo(own);
        assertThat(directory.resolve(al).orElseThrow().customerId()).isEqualTo(alice);

        CustomerId dave = customer("Dave Doe");
        CustomerId eve = customer("Eve Evans");
        Alias dv = handle(Network.TELEGRAM, "dv");
        directory.addAlias(dave, dv, true, DirectoryActor.SYSTEM);
        ChannelIdentity eves = identities.identifyWriter(Network.TELEGRAM, "t-" + UUID.randomUUID(), dv.value(), null);
        assertThat(directory.resolve(dv))
                .as("reported by an account linked to nobody")
                .isPresent();
        linking.link(eves.id(), eve);
        assertThat(directory.resolve(dv))
                .as("the account is another customer's")
                .isEmpty();
        assertThat(directory.aliasAudit(dv))
                .extracting(c -> c.action() + ":" + c.reason())
                .containsExactly("added:null", "released:handle_taken");

        CustomerId frank = customer("Frank Fox");
        Alias fr = handle(Network.TELEGRAM, "fr");
        directory.addAlias(frank, fr, true, DirectoryActor.SYSTEM);
        String franks = "t-" + UUID.randomUUID();
        linking.link(
                identities
                        .identifyWriter(Network.TELEGRAM, franks, "other_" + suffix, null)
                        .id(),
                frank);
        assertThat(store.held(fr).orElseThrow().externalId()).isNull();
        identities.identifyWriter(Network.TELEGRAM, franks, fr.value(), null); // linked first, renamed to @fr after
        assertThat(store.held(fr).orElseThrow().externalId())
                .as("linked, then reported")
                .isEqualTo(franks);
    }

    private Alias handle(Network network, String name) {
        return Alias.parse(AliasType.HANDLE, network, name + "_" + suffix, null);
    }

    private void bound(CustomerId customer, Alias alias, String externalId) {
        directory.addAlias(customer, alias, true, DirectoryActor.SYSTEM);
        directory.bindHandle(customer, alias, externalId);
    }

    private CustomerId customer(String name) {
        UUID id = UUID.randomUUID();
        jdbc.sql("INSERT INTO customers (id, display_name, language, kyc_level, status, created_at) "
                        + "VALUES (?, ?, 'en', 'basic', 'active', ?)")
                .params(id, name, Timestamps.utc(Instant.now()))
                .update();
        return new CustomerId(id);
    }
}
