package org.socialbank.directory;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.socialbank.support.TestStores;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationContext;
import org.springframework.modulith.test.ApplicationModuleTest;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * The directory starts with only the modules it depends on (issue 14 item 9): none of the
 * conversation engine, the channels or the payments is needed for it, and none is in the context.
 */
@ApplicationModuleTest(mode = ApplicationModuleTest.BootstrapMode.DIRECT_DEPENDENCIES)
class DirectoryModuleTests {

    @DynamicPropertySource
    static void store(DynamicPropertyRegistry registry) {
        TestStores.h2(registry);
    }

    @Autowired
    Directory directory;

    @Autowired
    ApplicationContext context;

    @Test
    void startsWithoutTheModulesThatUseIt() {
        assertThat(directory.customer(new CustomerId(UUID.randomUUID()))).isEmpty();
        assertThat(context.getBeanNamesForType(org.socialbank.conversation.Conversations.class))
                .isEmpty();
        assertThat(context.getBeanNamesForType(org.socialbank.payments.Payments.class))
                .isEmpty();
    }

    /** Issue 22: a payer's recent payees in two reads; each once, in the order asked, with their aliases. */
    @Test
    void namedReadsSeveralCustomersWithTheirAliasesInTheOrderAsked() {
        CustomerId ann = register("Ann Named", "annnamed" + suffix());
        CustomerId bob = register("Bob Named", "bobnamed" + suffix());
        CustomerId nobody = new CustomerId(UUID.randomUUID());
        java.util.List<Directory.Named> named = directory.named(java.util.List.of(bob, nobody, ann, bob));
        assertThat(named).extracting(n -> n.customer().id()).containsExactly(bob, ann);
        assertThat(named.get(0).aliases())
                .isEqualTo(directory.customer(bob).orElseThrow().aliases());
        assertThat(named.get(1).aliases())
                .isEqualTo(directory.customer(ann).orElseThrow().aliases());
        assertThat(directory.named(java.util.List.of())).isEmpty();
    }

    /** Issue 22: resolving an alias is one read and answers as before (an active customer's, masked). */
    @Test
    void resolveFindsTheAliasOwner() {
        String tag = "resolved" + suffix();
        CustomerId owner = register("Cleo Resolved", tag);
        assertThat(directory.resolve(Alias.parse(AliasType.TAG, null, tag, null)))
                .contains(new AliasMatch(owner, MaskedName.of("Cleo Resolved")));
        assertThat(directory.resolve(Alias.parse(AliasType.TAG, null, "nobody" + suffix(), null)))
                .isEmpty();
        assertThat(directory.find(owner).map(Customer::displayName)).contains("Cleo Resolved");
    }

    private CustomerId register(String name, String tag) {
        CustomerId id = new CustomerId(UUID.randomUUID());
        assertThat(directory.register(new NewCustomer(
                        id,
                        name,
                        org.socialbank.shared.Language.EN,
                        KycLevel.FULL,
                        null,
                        null,
                        java.util.List.of(
                                new CustomerView.AliasEntry(Alias.parse(AliasType.TAG, null, tag, null), true)))))
                .isInstanceOf(DirectoryResult.Done.class);
        return id;
    }

    private static String suffix() {
        return Integer.toString(Math.abs(UUID.randomUUID().hashCode()) % 1_000_000);
    }
}
