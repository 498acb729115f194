#!/bin/sed -f
# Renames of branch names14 (issue 14 items 4 and 5), in a safe order. Run over new or changed
# Java, Thymeleaf, YAML and Markdown files written against the old names:
#   git diff --name-only main... | grep -E '\.(java|md|html|yml|properties)$' | xargs sed -i -f docs/renames-names14.sed
# then move new files of a moved package (see the "Paths" comments) with git mv. Types that left
# a package need an import where that package's new files used them unqualified: in package
# org.socialbank.directory, import org.socialbank.shared.Language / Network / Digits; in
# org.socialbank.billing, import org.socialbank.shared.Digits; in org.socialbank.payments,
# import org.socialbank.payments.jdbc.PaymentHistory (the compiler names each one).
# Folds that need no rename (old code still compiles): shared.Microseconds.now(clock) for
# clock.instant().truncatedTo(ChronoUnit.MICROS); shared.web.Created.unlessReplayed(replayed, body)
# for ResponseEntity.status(replayed ? OK : CREATED).body(body); new OperationRef(OWNER, id) and
# operation.ownedBy(OWNER) for "owner:" prefixes of step-up references.
#
# Kernel types in the kernel: Language and Network moved from directory to shared.
s/\borg\.socialbank\.directory\.Language\b/org.socialbank.shared.Language/g
s/\borg\.socialbank\.directory\.Network\b/org.socialbank.shared.Network/g
#
# conversation.language: Marks -> PhraseMatches (its Mark -> Match), Money (the shared word list) -> CommonWords.
s/\bMarks\.Mark\b/PhraseMatches.Match/g
s/\bMarks\.of(/PhraseMatches.of(/g
s/\bMarks \(marks\|matches\)\b/PhraseMatches \1/g
s/\bMoney\.into(/CommonWords.into(/g
# shared.Money (a formatter, not a value) -> shared.MoneyFormat.
s/\bshared\.Money\b/shared.MoneyFormat/g
s/\bMoney\.format(/MoneyFormat.format(/g
s/\bshared\/Money\.java\b/shared\/MoneyFormat.java/g
s/\bMoneyUnitTests\b/MoneyFormatUnitTests/g
#
# Channel adapters, one scheme: <Network>Api, <Network>Updates, <Network>Inbox, <Network>Replies,
# <Network>Sender, web/<Network>Webhook (the bare names were package-private in channels.telegram).
s/\bFakeBotApi\b/FakeTelegramApi/g
s/\bBotApi\b/TelegramApi/g
s/\bRenderUnitTests\b/TelegramRepliesUnitTests/g
s/\bUpdatesUnitTests\b/TelegramUpdatesUnitTests/g
s/\bRender\.\([A-Z][A-Za-z]*\b\|[a-z][A-Za-z]*(\)/TelegramReplies.\1/g
s/\bUpdates\.\([A-Z][A-Za-z]*\b\|[a-z][A-Za-z]*(\)/TelegramUpdates.\1/g
s/{@link \(Render\|Updates\)\([}#]\)/{@link Telegram\1\2/g
s/\bWebhooks(TelegramInbox\b/TelegramWebhook(TelegramInbox/g
s/\bXEventsUnitTests\b/XUpdatesUnitTests/g
s/\bXRenderUnitTests\b/XRepliesUnitTests/g
s/\bXEvents\b/XUpdates/g
s/\bXRender\b/XReplies/g
s/\bWeChatInboundUnitTests\b/WeChatUpdatesUnitTests/g
s/\bWeChatInbound\b/WeChatUpdates/g
s/\bWeChatTexts\b/WeChatReplies/g
s/\bFakeCloudApi\b/FakeWhatsAppApi/g
s/\bWhatsAppEventsUnitTests\b/WhatsAppUpdatesUnitTests/g
s/\bWhatsAppRenderUnitTests\b/WhatsAppRepliesUnitTests/g
s/\bCloudApi\b/WhatsAppApi/g
s/\bWhatsAppEvents\b/WhatsAppUpdates/g
s/\bWhatsAppRender\b/WhatsAppReplies/g
#
# conversation.engine: EngineBank (named after where it lives) -> ChatBank (the bank as one chat
# message sees it); its Parts record -> ChatBank.Collaborators.
s/\bEngineBank\.Parts\b/ChatBank.Collaborators/g
s/\bEngineBank\b/ChatBank/g
#
# HTTP request-body holders are *Bodies (responses are *Json): ledger.web.Requests -> LedgerBodies,
# payments.web.PaymentRequests -> PaymentBodies, conversation.web.ParseRequest -> ParseBody.
s/\bRequests\.\(OpenAccount\|CreateTransfer\|Batch\|PostPending\|ChangeStatus\)\b/LedgerBodies.\1/g
s/\bPaymentRequests\b/PaymentBodies/g
s/\bParseRequest\b/ParseBody/g
#
# Module services (a stereotype word) -> branches (branches, ATMs and appointments at a branch).
# Paths: git mv src/{main,test}/java/org/socialbank/services/<new file> .../branches/<new file>.
# The settings keep their prefix socialbank.services.appointments.*.
s/\borg\.socialbank\.services\b/org.socialbank.branches/g
s/\borg\/socialbank\/services\//org\/socialbank\/branches\//g
s/`services\.Branches\b/`branches.Branches/g
s/\bServicesConfiguration\b/BranchesConfiguration/g
#
# conversation.engine: BillMessages, TopUpMessages and CardTransferMessages folded into one writer, BillingMessages.
s/\b\(BillMessages\|TopUpMessages\|CardTransferMessages\)\b/BillingMessages/g
#
# conversation.language.Share (a share as the parser read it) -> ParsedShare, apart from payments.requests.Share.
/^import org\.socialbank\.conversation\.language\.Share;/,$ s/\bShare\b/ParsedShare/g
/^package org\.socialbank\.conversation\.language;/,$ s/\bShare\b/ParsedShare/g
#
# conversation.language.Scanner (shadowed java.util.Scanner) -> Tokenizer.
s/\bScanner\.scan(/Tokenizer.scan(/g
#
# payments.SqlHistory (named after a technology, in the API package) -> payments.jdbc.PaymentHistory
# (add: import org.socialbank.payments.jdbc.PaymentHistory;); directory.web.Pages -> MessagePages.
s/\bSqlHistory\b/PaymentHistory/g
s/\bPages\.\(message\|at\|MESSAGE\)\b/MessagePages.\1/g
#
# Events are past tense: PaymentAwaitingClaim (a state) -> PaymentEscrowed. Test fixture
# payments.requests.Bank (people, not a bank) -> RequestMembers.
s/\bPaymentAwaitingClaim\b/PaymentEscrowed/g
s/\bpayments\.requests\.Bank\b/payments.requests.RequestMembers/g
s/\bBank\.\(stranger\|EUR\|ask\|payer\|Member\)\b/RequestMembers.\1/g
#
# One Digits in the kernel: billing.Digits and directory.Digits -> shared.Digits; billing's
# strict Digits.ascii(input) -> Digits.only(input) (directory's Digits.toAscii keeps its name).
s/\borg\.socialbank\.\(billing\|directory\)\.Digits\b/org.socialbank.shared.Digits/g
s/\bDigits\.ascii(/Digits.only(/g
/^package org\.socialbank\.payments\.requests;/,$ s/\(new \|^ *\)Bank\b/\1RequestMembers/g
# channels.wechat.PassiveReplies (the followers whose callback is open here, not replies) -> OpenCallbacks.
s/\bPassiveReplies\b/OpenCallbacks/g
# The channels' test fakes follow: FakeX -> FakeXApi, FakeWeChat -> FakeWeChatApi (FakeTelegramApi, FakeWhatsAppApi above).
s/\bFakeX\b/FakeXApi/g
s/\bFakeWeChat\b/FakeWeChatApi/g
