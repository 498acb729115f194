package org.socialbank.applications;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.socialbank.conversation.Outbound;
import org.socialbank.directory.Alias;
import org.socialbank.directory.AliasType;
import org.socialbank.directory.CustomerId;
import org.socialbank.directory.CustomerView;
import org.socialbank.directory.Directory;
import org.socialbank.directory.DirectoryResult;
import org.socialbank.directory.KycLevel;
import org.socialbank.directory.NewCustomer;
import org.socialbank.ledger.AccountFlag;
import org.socialbank.ledger.AccountId;
import org.socialbank.ledger.AccountKind;
import org.socialbank.ledger.Ledger;
import org.socialbank.ledger.NewAccount;
import org.socialbank.shared.CurrencyCode;
import org.socialbank.shared.Language;
import org.socialbank.support.Api;
import org.socialbank.support.Api.Response;
import org.socialbank.support.ChatFakes;
import org.socialbank.support.Chats;
import org.socialbank.support.FakeSms;
import org.socialbank.support.FormClient;
import org.socialbank.support.SmsFakes;
import org.socialbank.support.TestStores;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.annotation.Import;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import tools.jackson.databind.JsonNode;

/**
 * Issue 16 s4 over real HTTP, the bank's page and a Telegram fake on H2: an application started in
 * chat (English, Chinese) is filled in on the page only, staff decide it through the API, every
 * change is told in the chat once, an approved card is issued; refusals are problem+json.
 */
@SpringBootTest(
        webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = {
            "socialbank.web.secure-cookies=false",
            "socialbank.conversation.relay-enabled=false",
            // staff decide every application here; the underwriting's own decisions: LoansIntegrationTests
            "socialbank.applications.auto-decide=false"
        })
@Import({ChatFakes.class, SmsFakes.class})
class ApplicationsIntegrationTests {

    private static final AtomicInteger NUMBERS = new AtomicInteger();

    @DynamicPropertySource
    static void store(DynamicPropertyRegistry registry) {
        TestStores.h2(registry);
    }

    @LocalServerPort
    int port;

    @Autowired
    Directory directory;

    @Autowired
    Ledger ledger;

    @Autowired
    FakeSms sms;

    @Autowired
    java.time.Clock clock;

    Api api;

    @Autowired
    Chats chats;

    @BeforeEach
    void setUp() {
        api = new Api(port);
    }

    @Test
    void aCardApplicationStartedInChatIsFilledOnThePageDecidedByStaffAndEachChangeToldOnce() {
        CustomerId customer = customer("Ada Applicant", Language.EN, "EUR");
        String chat = chats.linkedTo(customer);
        List<Outbound> offer = chats.say(chat, "I would like to apply for a credit card");
        assertThat(offer).singleElement().isInstanceOf(Outbound.Link.class);
        Outbound.Link link = (Outbound.Link) offer.get(0);
        assertThat(link.text()).contains("bank’s page").doesNotContainIgnoringCase("income:");
        String path = URI.create(link.url()).getPath();

        FormClient browser = new FormClient(port);
        FormClient.Page form = browser.get(path);
        assertThat(form.status()).isEqualTo(200);
        assertThat(form.html()).contains("Ada Applicant").contains("Credit limit");
        assertThat(browser.post(path, "amount", "abc", "income", "3000").html()).contains("check the amount");
        FormClient.Page signing = browser.post(path, "amount", "2000", "income", "3 000,50", "purpose", "travel");
        // issue 16 s4: the form is signed with the SMS code on the bank's step-up page, bound to what it says
        assertThat(signing.html()).contains("Sign the credit card application: limit €2,000.00");
        assertThat(api.get("/api/v1/applications?status=started&limit=100").body())
                .contains(customer.value().toString());
        assertThat(LoanFixtures.sign(browser, signing, code(customer)).html())
                .contains("Sign the credit card application: limit €2,000.00");
        assertThat(browser.post(path, "amount", "9000", "income", "1").html()).contains("no longer valid");

        chats.drain();
        assertThat(chats.told(chat, "We received your credit card application")).hasSize(1);
        assertThat(Chats.text(chats.say(chat, "my applications"))).contains("credit card · received");

        UUID id = applicationOf(customer);
        JsonNode submitted = api.get("/api/v1/applications/" + id).json();
        assertThat(submitted.path("amountMinor").asLong()).isEqualTo(200_000);
        assertThat(submitted.path("incomeMinor").asLong()).isEqualTo(300_050);
        assertThat(submitted.path("purpose").asString()).isEqualTo("travel");
        assertThat(decide(id, "in_review").status()).isEqualTo(200);
        Response approved = decide(id, "approved");
        assertThat(approved.status()).as(approved.body()).isEqualTo(200);
        assertThat(approved.json().path("status").asString()).isEqualTo("approved");
        assertThat(decide(id, "approved").status()).isEqualTo(200); // again: nothing changes, nobody is told
        assertProblem(decide(id, "declined"), 409, "already_decided");
        chats.drain();
        assertThat(chats.told(chat, "now in review")).hasSize(1);
        assertThat(chats.told(chat, "was approved")).hasSize(1);

        JsonNode cards = api.get("/api/v1/customers/" + customer.value() + "/cards")
                .json()
                .path("cards");
        assertThat(cards).anySatisfy(c -> {
            assertThat(c.path("kind").asString()).isEqualTo("credit");
            assertThat(c.path("limitMinor").asLong()).isEqualTo(200_000);
        });
    }

    @Test
    void aLoanApplicationInChineseIsDeclinedAndToldInChinese() {
        CustomerId customer = customer("王 申请", Language.ZH, "CNY");
        String chat = chats.linkedTo(customer);
        Outbound.Link link = (Outbound.Link) chats.say(chat, "申请贷款").get(0);
        assertThat(link.text()).contains("贷款申请");
        String path = URI.create(link.url()).getPath();
        FormClient browser = new FormClient(port);
        assertThat(link.url()).endsWith("?lang=zh"); // the page opens in the customer's language
        assertThat(browser.get(path + "?lang=zh").html()).contains("期限");
        assertThat(browser.post(path, "amount", "50000", "income", "8000").html())
                .contains("整月");
        FormClient.Page signing = browser.post(path, "amount", "50000", "term", "24", "income", "8000");
        assertThat(signing.html()).contains("签署贷款申请：").contains("期限24个月");
        assertThat(LoanFixtures.sign(browser, signing, code(customer)).status()).isEqualTo(200);
        UUID id = applicationOf(customer);
        assertThat(api.get("/api/v1/applications?status=submitted").body()).contains(id.toString());
        assertThat(decide(id, "declined").status()).isEqualTo(200);
        chats.drain();
        assertThat(chats.told(chat, "已收到您的贷款申请")).hasSize(1);
        assertThat(chats.told(chat, "贷款申请未通过")).hasSize(1);
        assertThat(Chats.text(chats.say(chat, "我的申请"))).contains("贷款 · 未通过");
    }

    @Test
    void staffDecisionsAreRefusedAsProblemsWithACode() {
        CustomerId customer = customer("Bo Started", Language.EN, "EUR");
        String chat = chats.linkedTo(customer);
        chats.say(chat, "apply for a loan");
        UUID started = applicationOf(customer);
        assertProblem(decide(started, "approved"), 409, "transition_not_allowed");
        assertProblem(decide(started, "submitted"), 422, "status_not_valid");
        assertProblem(decide(started, "maybe"), 422, "status_not_valid");
        assertProblem(decide(UUID.randomUUID(), "approved"), 404, "application_not_found");
        assertProblem(api.get("/api/v1/applications/" + UUID.randomUUID()), 404, "application_not_found");
        assertThat(Chats.text(chats.say(chat, "my applications"))).contains("loan · waiting for your form");
        // asking again sends a new link to the same application
        assertThat(chats.say(chat, "apply for a loan")).singleElement().isInstanceOf(Outbound.Link.class);
        assertThat(api.get("/api/v1/applications?status=started&limit=100").body())
                .containsOnlyOnce(started.toString());
    }

    @Test
    void anUnlinkedChatIsOfferedTheLink() {
        assertThat(chats.say("tg-" + UUID.randomUUID(), "apply for a credit card"))
                .singleElement()
                .isInstanceOf(Outbound.Link.class);
    }

    private String code(CustomerId customer) {
        return sms.lastCode(directory.phoneOnFile(customer).orElseThrow().value());
    }

    private Response decide(UUID id, String status) {
        return api.post("/api/v1/applications/" + id + "/decision", "{\"status\":\"" + status + "\"}");
    }

    private UUID applicationOf(CustomerId customer) {
        for (String status : List.of("started", "submitted", "in_review", "approved", "declined")) {
            for (JsonNode a : api.get("/api/v1/applications?status=" + status + "&limit=100")
                    .json()
                    .path("applications")) {
                if (a.path("customerId").asString().equals(customer.value().toString())) {
                    return UUID.fromString(a.path("id").asString());
                }
            }
        }
        throw new AssertionError("no application of " + customer);
    }

    private static void assertProblem(Response response, int status, String code) {
        assertThat(response.status()).as(response.body()).isEqualTo(status);
        assertThat(response.contentType()).startsWith("application/problem+json");
        assertThat(response.code()).isEqualTo(code);
    }

    private CustomerId customer(String name, Language language, String currency) {
        CustomerId id = new CustomerId(UUID.randomUUID());
        // +33 65x: every number valid (libphonenumber refuses +33 639..., which CI drew once)
        String phone = "+3365"
                + String.format(
                        "%07d",
                        (Math.abs(UUID.randomUUID().hashCode()) % 9_000 + 1_000) * 1_000
                                + NUMBERS.incrementAndGet() % 1_000);
        assertThat(directory.register(new NewCustomer(
                        id,
                        name,
                        language,
                        KycLevel.FULL,
                        null,
                        null,
                        List.of(new CustomerView.AliasEntry(Alias.parse(AliasType.PHONE, null, phone, null), true)))))
                .isInstanceOf(DirectoryResult.Done.class);
        AccountId wallet = new AccountId(UUID.randomUUID());
        ledger.open(new NewAccount(
                wallet,
                CurrencyCode.of(currency),
                id.ownerRef(),
                AccountKind.CUSTOMER_WALLET,
                Set.of(AccountFlag.DEBITS_MUST_NOT_EXCEED_CREDITS)));
        assertThat(directory.holdAccount(id, wallet, true)).isInstanceOf(DirectoryResult.Done.class);
        return id;
    }
}
