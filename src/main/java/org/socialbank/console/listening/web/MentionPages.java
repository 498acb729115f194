package org.socialbank.console.listening.web;

import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.socialbank.console.StaffAudit;
import org.socialbank.console.StaffMember;
import org.socialbank.listening.CorrectionResult;
import org.socialbank.listening.Mention;
import org.socialbank.listening.MentionFilter;
import org.socialbank.listening.MentionId;
import org.socialbank.listening.Mentions;
import org.socialbank.listening.Sentiment;
import org.socialbank.listening.Topic;
import org.socialbank.listening.cases.Case;
import org.socialbank.listening.cases.CaseKind;
import org.socialbank.listening.cases.CaseResult;
import org.socialbank.listening.cases.Cases;
import org.socialbank.shared.Language;
import org.socialbank.shared.Uuids;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;

/**
 * Mentions in the console: filtered by language, source, sentiment and topic; a correction of
 * sentiment or topic (stored by listening, improving the next classification of the same text);
 * and one click to make a case of a mention. Actions are audited in their own transaction.
 */
@Controller
class MentionPages {

    static final int LIMIT = 100;
    static final int DAYS_MAX = 366;
    /** The bank's languages and "und", a mention whose language was not told. */
    static final List<String> LANGUAGES = java.util.stream.Stream.concat(
                    Language.tags().stream(), java.util.stream.Stream.of("und"))
            .toList();

    private final Mentions mentions;
    private final Cases cases;
    private final StaffAudit audit;
    private final TransactionTemplate transactions;

    MentionPages(Mentions mentions, Cases cases, StaffAudit audit, PlatformTransactionManager transactionManager) {
        this.mentions = mentions;
        this.cases = cases;
        this.audit = audit;
        this.transactions = new TransactionTemplate(transactionManager);
    }

    /** A mention as a row of the page: and its case, when it has one. */
    record Row(Mention mention, Case openedCase) {}

    @GetMapping({"/console/listening", "/console/listening/mentions"})
    String list(
            @AuthenticationPrincipal StaffMember who,
            @RequestParam(required = false) String language,
            @RequestParam(required = false) String source,
            @RequestParam(required = false) String sentiment,
            @RequestParam(required = false) String topic,
            @RequestParam(defaultValue = "7") String days,
            Model model) {
        SocialCare.requireRead(who, cases.defaultTeam());
        Instant now = cases.now();
        MentionFilter filter = new MentionFilter(
                now.minus(Duration.ofDays(days(days))),
                now.plusSeconds(1),
                option(source, mentions.sourceNames(), "source"),
                option(language, LANGUAGES, "language"),
                empty(sentiment)
                        ? null
                        : Sentiment.fromWireName(sentiment)
                                .orElseThrow(() ->
                                        BadListeningRequest.invalid("sentiment is negative, neutral or positive")),
                empty(topic)
                        ? null
                        : Topic.fromWireName(topic)
                                .orElseThrow(() -> BadListeningRequest.invalid("unknown topic " + topic)),
                LIMIT);
        model.addAttribute(
                "rows",
                mentions.list(filter).stream()
                        .map(m -> new Row(m, cases.ofMention(m.id()).orElse(null)))
                        .toList());
        Map<String, String> chosen = new LinkedHashMap<>();
        chosen.put("language", empty(language) ? "" : language);
        chosen.put("source", empty(source) ? "" : source);
        chosen.put("sentiment", empty(sentiment) ? "" : sentiment);
        chosen.put("topic", empty(topic) ? "" : topic);
        chosen.put("days", days);
        model.addAttribute("chosen", chosen);
        model.addAttribute("languages", LANGUAGES);
        model.addAttribute("sources", mentions.sourceNames());
        model.addAttribute(
                "sentiments",
                Arrays.stream(Sentiment.values()).map(Sentiment::wireName).toList());
        model.addAttribute(
                "topics", Arrays.stream(Topic.values()).map(Topic::wireName).toList());
        model.addAttribute(
                "kinds",
                Arrays.stream(CaseKind.values()).map(CaseKind::wireName).toList());
        return "console/listening/mentions";
    }

    @PostMapping("/console/listening/mentions/{id}/correct")
    String correct(
            @AuthenticationPrincipal StaffMember who,
            @PathVariable String id,
            @RequestParam(required = false) String sentiment,
            @RequestParam(required = false) String topic) {
        SocialCare.requireAct(who, cases.defaultTeam());
        MentionId mention = mentionId(id);
        Sentiment s = empty(sentiment)
                ? null
                : Sentiment.fromWireName(sentiment)
                        .orElseThrow(() -> BadListeningRequest.invalid("sentiment is negative, neutral or positive"));
        Topic t = empty(topic)
                ? null
                : Topic.fromWireName(topic).orElseThrow(() -> BadListeningRequest.invalid("unknown topic " + topic));
        if (s == null && t == null) {
            throw BadListeningRequest.invalid("a correction names a sentiment, a topic or both");
        }
        CorrectionResult result = transactions.execute(status -> {
            CorrectionResult r = mentions.correct(mention, s, t);
            if (r instanceof CorrectionResult.Corrected) {
                audit.record(
                        who,
                        "listening.mention.corrected",
                        "mention:" + mention,
                        "sentiment=" + (s == null ? "" : s.wireName()) + " topic=" + (t == null ? "" : t.wireName()));
            }
            return r;
        });
        if (result instanceof CorrectionResult.NoSuchMention) {
            throw BadListeningRequest.notFound("mention_not_found", "no mention " + id);
        }
        return "redirect:/console/listening/mentions";
    }

    @PostMapping("/console/listening/mentions/{id}/case")
    String openCase(
            @AuthenticationPrincipal StaffMember who,
            @PathVariable String id,
            @RequestParam(defaultValue = "public_mention") String kind) {
        SocialCare.requireAct(who, cases.defaultTeam());
        MentionId mention = mentionId(id);
        CaseKind k = CaseKind.fromWireName(kind)
                .orElseThrow(() -> BadListeningRequest.invalid("kind is public_mention or complaint"));
        CaseResult result = transactions.execute(status -> {
            CaseResult r = cases.open(mention, k, who.username());
            if (r instanceof CaseResult.Done done) {
                audit.record(
                        who,
                        "listening.case.opened",
                        "case:" + done.value().id().value() + " mention:" + mention,
                        k.wireName());
            }
            return r;
        });
        if (result instanceof CaseResult.Done done) {
            return "redirect:/console/listening/cases/" + done.value().id().value();
        }
        String code = ((CaseResult.Rejected) result).code();
        if ("case_exists".equals(code)) {
            // a click of a colleague made it a moment ago
            return "redirect:/console/listening/cases/"
                    + cases.ofMention(mention).orElseThrow().id().value();
        }
        throw BadListeningRequest.notFound(code, "no mention " + id);
    }

    static MentionId mentionId(String id) {
        return new MentionId(Uuids.parse(id)
                .orElseThrow(() -> BadListeningRequest.notFound("mention_not_found", "no mention " + id)));
    }

    static int days(String days) {
        try {
            int d = Integer.parseInt(days);
            if (d >= 1 && d <= DAYS_MAX) {
                return d;
            }
        } catch (NumberFormatException e) {
            // answered below
        }
        throw BadListeningRequest.invalid("days is 1.." + DAYS_MAX);
    }

    private static String option(String value, List<String> known, String name) {
        if (empty(value)) {
            return null;
        }
        return Optional.of(value)
                .filter(known::contains)
                .orElseThrow(() -> BadListeningRequest.invalid("unknown " + name + " " + value));
    }

    static boolean empty(String s) {
        return s == null || s.isBlank();
    }
}
