package org.socialbank.conversation.language;

import static org.socialbank.shared.Language.EN;

/** English: the verbs of paying and asking, as people write them to a bank in a chat. */
final class English {

    private English() {}

    static void into(Lexicon.Builder b) {
        b.intent(
                        EN,
                        Intent.PAY,
                        "pay",
                        "send",
                        "transfer",
                        "wire",
                        "remit",
                        "repay",
                        "reimburse",
                        "pay back",
                        "send money",
                        "transfer money",
                        "tip")
                .weak(EN, Intent.PAY, "give")
                .intent(
                        EN,
                        Intent.REQUEST,
                        "request",
                        "ask",
                        "ask for",
                        "charge",
                        "bill",
                        "invoice",
                        "collect",
                        "request money",
                        "owes me",
                        "owe me")
                .intent(
                        EN,
                        Intent.SPLIT,
                        "split",
                        "divide",
                        "split the bill",
                        "share the bill",
                        "go halves",
                        "go dutch",
                        "halves")
                .intent(
                        EN,
                        Intent.BALANCE,
                        "balance",
                        "bal",
                        "how much do i have",
                        "how much money do i have",
                        "how much have i got",
                        "how much is left",
                        "how much money",
                        "funds",
                        "how much is in my account",
                        "how much is on my account",
                        "how much do i have left")
                .intent(
                        EN,
                        Intent.HISTORY,
                        "history",
                        "transactions",
                        "statement",
                        "activity",
                        "recent payments",
                        "last payments",
                        "past payments",
                        "mini statement",
                        "transfers",
                        "payments",
                        "transaction history")
                .intent(EN, Intent.HELP, "help", "what can you do", "commands", "menu", "support")
                .weak(EN, Intent.HELP, "hi", "hello", "hey", "good morning", "good evening")
                .intent(
                        EN,
                        Intent.BRANCHES,
                        "branch",
                        "branches",
                        "nearest branch",
                        "find a branch",
                        "atm",
                        "atms",
                        "cash machine",
                        "cashpoint",
                        "branch near me")
                .intent(
                        EN,
                        Intent.SWEEP,
                        "collect my money",
                        "collect money",
                        "sweep my money",
                        "my other banks",
                        "my other bank",
                        "other banks",
                        "other bank",
                        "revoke",
                        "linked banks")
                .intent(
                        EN,
                        Intent.APPOINTMENT,
                        "appointment",
                        "appointments",
                        "book an appointment",
                        "make an appointment",
                        "schedule an appointment",
                        "book a slot",
                        "book a visit")
                .weak(EN, Intent.BACK, "back", "go back", "previous", "previous step")
                .weak(EN, Intent.THANKS, "thanks", "thank you", "thx", "many thanks", "thanks a lot")
                .intent(
                        EN,
                        Intent.REQUESTS,
                        "requests",
                        "my requests",
                        "open requests",
                        "pending requests",
                        "my open requests",
                        "my pending requests",
                        "who owes me",
                        "who owes me money",
                        "list my requests",
                        "money requests")
                .intent(EN, Intent.REMIND, "remind", "send a reminder", "send reminder", "reminder", "nudge")
                .intent(EN, Intent.CANCEL_REQUEST, "withdraw my request", "withdraw the request", "withdraw request")
                .intent(null, Intent.ACCOUNT, "iban", "bic")
                .intent(
                        EN,
                        Intent.ACCOUNT,
                        "my iban",
                        "account number",
                        "my account number",
                        "account details",
                        "bank details",
                        "my bank details",
                        "sort code",
                        "routing number")
                .intent(
                        EN,
                        Intent.LIMITS,
                        "limits",
                        "limit",
                        "my limits",
                        "payment limits",
                        "daily limit",
                        "spending limit",
                        "transfer limit",
                        "how much can i send",
                        "how much can i pay",
                        "how much can i transfer")
                .intent(
                        EN,
                        Intent.SPENDING,
                        "spending",
                        "my spending",
                        "spent",
                        "spend",
                        "how much did i spend",
                        "how much have i spent",
                        "what did i spend",
                        "expenses",
                        "my expenses",
                        "outgoings")
                .weak(EN, Intent.MORE, "more", "show more", "next", "next page", "more please")
                .how(EN, "how")
                .intent(EN, Intent.CANCEL, "cancel", "stop", "abort", "never mind", "nevermind", "forget it", "undo")
                .intent(
                        EN,
                        Intent.LANGUAGE,
                        "language",
                        "lang",
                        "speak",
                        "switch to",
                        "change language",
                        "switch language",
                        "reply in",
                        "talk in")
                .intent(
                        EN,
                        Intent.LINK,
                        "link",
                        "connect",
                        "link my account",
                        "link account",
                        "sign in",
                        "log in",
                        "login")
                .intent(EN, Intent.UNLINK, "unlink", "disconnect", "remove link", "sign out", "log out", "logout")
                .filler(
                        EN, "to", "for", "from", "me", "my", "with", "and", "please", "pls", "the", "of", "in", "what",
                        "is", "s", "i", "do", "have", "money", "now", "between", "among", "each", "show", "check", "an",
                        "it", "us", "you", "can", "want", "would", "like", "all", "last", "ok", "account", "this",
                        "back", "friend", "dinner", "lunch", "rent");
    }
}
