package org.socialbank.conversation.engine;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.time.ZoneId;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.socialbank.conversation.Conversations;
import org.socialbank.conversation.Inbound;
import org.socialbank.conversation.InboundMessage;
import org.socialbank.conversation.Outbound;
import org.socialbank.conversation.OutboundMessage;
import org.socialbank.conversation.Received;
import org.socialbank.directory.Alias;
import org.socialbank.directory.AliasType;
import org.socialbank.directory.ChannelIdentities;
import org.socialbank.directory.CustomerId;
import org.socialbank.directory.CustomerView;
import org.socialbank.directory.Directory;
import org.socialbank.directory.DirectoryResult;
import org.socialbank.directory.IdentityId;
import org.socialbank.directory.KycLevel;
import org.socialbank.directory.NewCustomer;
import org.socialbank.ledger.AccountFlag;
import org.socialbank.ledger.AccountId;
import org.socialbank.ledger.AccountKind;
import org.socialbank.ledger.Ledger;
import org.socialbank.ledger.NewAccount;
import org.socialbank.ledger.NewTransfer;
import org.socialbank.ledger.TransferId;
import org.socialbank.ledger.TransferResult;
import org.socialbank.shared.CurrencyCode;
import org.socialbank.shared.CustomerTime;
import org.socialbank.shared.Language;
import org.socialbank.shared.Network;
import org.socialbank.support.FormClient;
import org.socialbank.support.MutableClock;
import org.socialbank.support.TestStores;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.annotation.Import;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * Issue 13, "the page language and the bot's language are one setting", and "dates everywhere in
 * the customer's zone": over the Telegram fake and real HTTP on H2. A language chosen in the chat
 * is the language of the pages the bot's links open, a language chosen on such a page is the
 * chat's, and a zone set in the chat is the zone of the chat's receipts and of the pages.
 */
@SpringBootTest(
        webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = {
            "socialbank.conversation.relay-enabled=false",
            "socialbank.payments.risk.new-channel-confirmations-min=0"
        }) // held the first day only
@Import(ConversationEngineContract.Fakes.class)
class H2OneSettingIntegrationTests {

    static final CurrencyCode EUR = CurrencyCode.of("EUR");

    @DynamicPropertySource
    static void store(DynamicPropertyRegistry registry) {
        TestStores.h2(registry);
        registry.add("spring.datasource.hikari.minimum-idle", () -> "10"); // h2database#4302, as the contract
    }

    @LocalServerPort
    int port;

    @Autowired
    Conversations conversations;

    @Autowired
    Directory directory;

    @Autowired
    ChannelIdentities identities;

    @Autowired
    Ledger ledger;

    @Autowired
    MutableClock clock;

    @Autowired
    org.socialbank.directory.LinkSignIn linkSignIn;

    @Autowired
    org.socialbank.support.FakeSms sms;

    @Autowired
    org.socialbank.support.RecordedEvents events;

    record Person(CustomerId id, String phone, String handle, AccountId wallet, String chat) {}

    @Test
    @DisplayName(
            "issue 13: 'language fa' in the chat gives Persian pages from the bot's links, and a language chosen there is the chat's")
    void theChatAndThePagesSpeakOneLanguage() {
        Person dana = linked(person("Dana Dupont", 500_000, Language.EN));
        Person eve = person("Eve Evans", 0, Language.EN);
        assertThat(text(say(dana, "language fa"))).isEqualTo("از این به بعد به فارسی پاسخ می‌دهم.");
        assertThat(directory.settings(dana.id()).orElseThrow().language()).isEqualTo(Language.FA);

        // the first payment from a newly linked chat is held for the bank's page: the bot's link
        Outbound.Buttons confirm =
                (Outbound.Buttons) say(dana, "pay @" + eve.handle() + " 5").get(0);
        Outbound held = say(dana, new Inbound.Button(confirm.buttons().get(0).reference()))
                .get(0);
        assertThat(held).as(held.toString()).isInstanceOf(Outbound.Link.class);
        String page = URI.create(((Outbound.Link) held).url()).getPath();
        FormClient browser = new FormClient(port);
        FormClient.Page persian = browser.get(page, "Accept-Language", "en");
        assertThat(persian.html())
                .as("the page speaks the chat's language, not the browser's")
                .contains("lang=\"fa\"", "dir=\"rtl\"");
        // issue 13 §5: a Latin name keeps its order in the right-to-left page
        assertThat(persian.html()).contains("<bdi>Eve E.</bdi>");

        // chosen on the page's language bar: the customer's language, so the chat answers in it
        assertThat(browser.get(page + "?lang=zh").html()).contains("lang=\"zh\"");
        assertThat(directory.settings(dana.id()).orElseThrow().language()).isEqualTo(Language.ZH);
        assertThat(text(say(dana, "balance"))).containsPattern("\\p{IsHan}");
        // and a browser that never chose opens the customer's pages in her language
        assertThat(new FormClient(port).get(page, "Accept-Language", "ru").html())
                .contains("lang=\"zh\"");
    }

    @Test
    @DisplayName("issue 13: a chat not linked yet keeps its own language, and its sign-in page shares it")
    void anUnlinkedChatAndItsSignInPageSpeakOneLanguage() {
        Person frank = person("Frank Faure", 0, Language.EN);
        say(frank, "language french");
        Outbound link = say(frank, "balance").get(0);
        assertThat(link).isInstanceOf(Outbound.Link.class);
        String page = URI.create(((Outbound.Link) link).url()).getPath();
        FormClient browser = new FormClient(port);
        assertThat(browser.get(page, "Accept-Language", "en").html()).contains("lang=\"fr\"");
        assertThat(browser.get(page + "?lang=ru").html()).contains("lang=\"ru\"");
        assertThat(text(say(frank, "help"))).containsPattern("\\p{IsCyrillic}");
    }

    @Test
    @DisplayName("issue 13: a zone set in the chat is the zone of its receipts and pages, never 'UTC'")
    void theChosenZoneIsTheZoneOfEveryDate() {
        Person gina = linked(person("Gina Garnier", 500_000, Language.EN));
        Person eve = person("Eve Evans", 0, Language.EN);
        assertThat(text(say(gina, "zone Asia/Tokyo"))).startsWith("Done: your dates and times are now in Asia/Tokyo");
        assertThat(directory.settings(gina.id()).orElseThrow().chosenZone()).isEqualTo(ZoneId.of("Asia/Tokyo"));
        assertThat(text(say(gina, "zone UTC"))).startsWith("I do not know the time zone “UTC”.");
        assertThat(directory.settings(gina.id()).orElseThrow().chosenZone()).isEqualTo(ZoneId.of("Asia/Tokyo"));

        clock.advance(java.time.Duration.ofHours(25)); // past the new-link hold: paid with the Confirm button
        Outbound.Buttons confirm =
                (Outbound.Buttons) say(gina, "pay @" + eve.handle() + " 5").get(0);
        Outbound.Receipt receipt = (Outbound.Receipt)
                say(gina, new Inbound.Button(confirm.buttons().get(0).reference()))
                        .get(0);
        String tokyo = CustomerTime.of(java.util.Locale.ENGLISH, ZoneId.of("Asia/Tokyo"))
                .time(clock.instant());
        String london = CustomerTime.of(java.util.Locale.ENGLISH, null).time(clock.instant());
        assertThat(receipt.lines())
                .anySatisfy(line -> assertThat(line)
                        .startsWith("Date: ")
                        .contains(tokyo)
                        .contains("Japan")
                        .doesNotContain("UTC"));
        assertThat(tokyo).isNotEqualTo(london);
        assertThat(text(say(gina, "history"))).contains(tokyo).contains("Japan").doesNotContain("UTC");
    }

    // --- helpers, as in ConversationEngineContract -----------------------------------------

    Person person(String name, long fundingMinor, Language language) {
        String suffix = UUID.randomUUID().toString().replace("-", "").substring(0, 10);
        String phone = "+33670" + String.format("%06d", Math.floorMod(suffix.hashCode(), 1_000_000));
        String handle = "u" + suffix;
        CustomerId id = new CustomerId(UUID.randomUUID());
        DirectoryResult registered = directory.register(new NewCustomer(
                id,
                name,
                language,
                KycLevel.FULL,
                null,
                null,
                List.of(
                        new CustomerView.AliasEntry(Alias.phone(phone, null), true),
                        new CustomerView.AliasEntry(new Alias(AliasType.HANDLE, Network.TELEGRAM, handle), true))));
        assertThat(registered).isInstanceOf(DirectoryResult.Done.class);
        AccountId wallet = new AccountId(UUID.randomUUID());
        ledger.open(new NewAccount(
                wallet,
                EUR,
                id.toString(),
                AccountKind.CUSTOMER_WALLET,
                Set.of(AccountFlag.DEBITS_MUST_NOT_EXCEED_CREDITS)));
        assertThat(directory.holdAccount(id, wallet, true)).isInstanceOf(DirectoryResult.Done.class);
        if (fundingMinor > 0) {
            AccountId funding = new AccountId(UUID.randomUUID());
            ledger.open(new NewAccount(funding, EUR, null, AccountKind.BANK_EQUITY, Set.of()));
            assertThat(ledger.transfer(NewTransfer.posted(
                            new TransferId(UUID.randomUUID()), funding, wallet, fundingMinor, EUR, "top-up")))
                    .isInstanceOf(TransferResult.Posted.class);
        }
        return new Person(id, phone, handle, wallet, "tg-" + UUID.randomUUID());
    }

    /** Links the person's chat by their phone and the SMS code; the new-link hold still applies. */
    Person linked(Person person) {
        say(person, new Inbound.Contact(person.phone(), true));
        IdentityId identity =
                identities.identify(Network.TELEGRAM, person.chat(), null, null).id();
        String url = events.stream(org.socialbank.directory.PhoneLinkStarted.class)
                .filter(e -> e.identityId().equals(identity))
                .reduce((a, b) -> b)
                .orElseThrow()
                .url();
        String token = url.substring(url.lastIndexOf('/') + 1);
        org.socialbank.directory.LinkSignIn.Opened opened = linkSignIn.openAndBind(
                token, org.socialbank.directory.LinkSignIn.Browser.of(null), java.util.Locale.ENGLISH);
        linkSignIn.enterCode(
                token,
                org.socialbank.directory.LinkSignIn.Browser.of(opened.bindSecret()),
                sms.lastCode(person.phone()),
                java.util.Locale.ENGLISH);
        assertThat(identities.linkedCustomer(identity)).contains(person.id());
        return person;
    }

    List<Outbound> say(Person person, Inbound content) {
        Received received = conversations.receive(
                new InboundMessage(Network.TELEGRAM, "m-" + UUID.randomUUID(), person.chat(), null, null, content));
        assertThat(received).isInstanceOf(Received.Handled.class);
        return ((Received.Handled) received)
                .replies().stream().map(OutboundMessage::content).toList();
    }

    List<Outbound> say(Person person, String text) {
        return say(person, new Inbound.Text(text));
    }

    static String text(List<Outbound> replies) {
        return ConversationEngineContract.text(replies.get(0));
    }
}
