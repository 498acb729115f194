package org.socialbank.console.assistant.web;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.socialbank.assistant.Assistant;
import org.socialbank.assistant.IntentFeedback;
import org.socialbank.assistant.KnowledgeBase;
import org.socialbank.console.Permission;
import org.socialbank.console.StaffAudit;
import org.socialbank.console.StaffMember;
import org.socialbank.shared.Language;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;

/**
 * Staff edit the assistant's answers (issue 18: "editable by staff later in the console"). The
 * list shows every intent in the five languages, which are shipped and which staff changed, and
 * the answers voted "not helpful" most; an answer's page edits its markdown with a preview (htmx),
 * shows its versions and puts the shipped answer back. Supervisors only ({@code SUPERVISE}); every
 * save and revert is audited in its transaction. An intent in an address is its file name
 * (BANKING77's name without "?").
 */
@Controller
class AnswerPages {

    /** The most intents the "not helpful" list shows. */
    static final int FAILING_MAX = 10;

    private final KnowledgeBase knowledge;
    private final Assistant assistant;
    private final StaffAudit audit;
    private final TransactionTemplate transactions;

    AnswerPages(
            KnowledgeBase knowledge,
            Assistant assistant,
            StaffAudit audit,
            PlatformTransactionManager transactionManager) {
        this.knowledge = knowledge;
        this.assistant = assistant;
        this.audit = audit;
        this.transactions = new TransactionTemplate(transactionManager);
    }

    @GetMapping("/console/assistant/answers")
    String list(@AuthenticationPrincipal StaffMember who, Model model) {
        who.require(Permission.SUPERVISE);
        Map<String, KnowledgeBase.Version> edited = knowledge.edited();
        List<Row> rows = KnowledgeBase.ANSWERED.stream()
                .map(intent -> new Row(
                        intent,
                        slug(intent),
                        Language.tags().stream()
                                .map(l -> new Cell(
                                        l,
                                        Optional.ofNullable(edited.get(intent + "/" + l))
                                                .filter(v -> v.markdown() != null)
                                                .map(KnowledgeBase.Version::version)
                                                .orElse(0)))
                                .toList()))
                .toList();
        List<Failing> failing = Language.tags().stream()
                .flatMap(l -> assistant.feedbackByIntent(l, FAILING_MAX).stream()
                        .filter(f -> f.notHelpful() > 0)
                        .map(f -> new Failing(l, f, slug(f.intent()), KnowledgeBase.ANSWERED.contains(f.intent()))))
                .sorted(java.util.Comparator.comparingLong(
                                (Failing f) -> -f.votes().notHelpful())
                        .thenComparingLong(f -> f.votes().helpful()))
                .limit(FAILING_MAX)
                .toList();
        model.addAttribute("languages", Language.tags());
        model.addAttribute("rows", rows);
        model.addAttribute("failing", failing);
        return "console/assistant/answers";
    }

    @GetMapping("/console/assistant/answers/{language}/{slug}")
    String answer(
            @AuthenticationPrincipal StaffMember who,
            @PathVariable String language,
            @PathVariable String slug,
            @RequestParam(required = false) String refused,
            Model model) {
        who.require(Permission.SUPERVISE);
        String intent = intent(slug);
        KnowledgeBase.Answer current =
                knowledge.answer(intent, language(language)).orElseThrow();
        model.addAttribute("answer", current);
        model.addAttribute("slug", slug);
        model.addAttribute("shipped", knowledge.shipped(intent, language).orElseThrow());
        model.addAttribute("history", knowledge.history(intent, language));
        model.addAttribute("refused", refused != null && refused.matches("[a-z_]{1,32}") ? refused : null);
        return "console/assistant/answer";
    }

    /** What the chat would show for the markdown typed so far (an htmx fragment). */
    @PostMapping("/console/assistant/answers/{language}/{slug}/preview")
    String preview(
            @AuthenticationPrincipal StaffMember who,
            @PathVariable String language,
            @PathVariable String slug,
            @RequestParam(defaultValue = "") String markdown,
            Model model) {
        who.require(Permission.SUPERVISE);
        String intent = intent(slug);
        model.addAttribute(
                "preview",
                knowledge.preview(intent, language(language), markdown).orElse(null));
        model.addAttribute("problem", knowledge.problem(intent, markdown).orElse(null));
        model.addAttribute(
                "example",
                Map.of(
                        "card_dispatched_on",
                        "2026-11-23",
                        "card_issued_on",
                        "2026-11-20",
                        "last_payment_refused",
                        "€20.00 → Bob B., 2026-11-20. insufficient_funds."));
        return "console/assistant/answer :: preview";
    }

    @PostMapping("/console/assistant/answers/{language}/{slug}")
    String save(
            @AuthenticationPrincipal StaffMember who,
            @PathVariable String language,
            @PathVariable String slug,
            @RequestParam(defaultValue = "") String markdown,
            @RequestParam(defaultValue = "0") int basedOn) {
        who.require(Permission.SUPERVISE);
        String intent = intent(slug);
        String lang = language(language);
        KnowledgeBase.Change change = transactions.execute(status -> audited(
                who,
                knowledge.edit(intent, lang, markdown, basedOn, who.username()),
                "assistant.answer.edited",
                intent,
                lang));
        return redirect(lang, slug, change);
    }

    @PostMapping("/console/assistant/answers/{language}/{slug}/revert")
    String revert(
            @AuthenticationPrincipal StaffMember who,
            @PathVariable String language,
            @PathVariable String slug,
            @RequestParam(defaultValue = "0") int basedOn) {
        who.require(Permission.SUPERVISE);
        String intent = intent(slug);
        String lang = language(language);
        KnowledgeBase.Change change = transactions.execute(status -> audited(
                who,
                knowledge.revert(intent, lang, basedOn, who.username()),
                "assistant.answer.reverted",
                intent,
                lang));
        return redirect(lang, slug, change);
    }

    @ExceptionHandler(UnknownAnswer.class)
    ResponseEntity<ProblemDetail> unknown(UnknownAnswer e) {
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.NOT_FOUND, e.getMessage());
        problem.setProperty("code", "unknown_answer");
        return ResponseEntity.status(HttpStatus.NOT_FOUND)
                .contentType(MediaType.APPLICATION_PROBLEM_JSON)
                .body(problem);
    }

    /** One intent's row: its answer's staff version per language (0: the shipped one). */
    record Row(String intent, String slug, List<Cell> cells) {}

    record Cell(String language, int version) {}

    /** An answer voted "not helpful": its language, its votes, and whether the knowledge base has it to edit. */
    record Failing(String language, IntentFeedback votes, String slug, boolean editable) {}

    private KnowledgeBase.Change audited(
            StaffMember who, KnowledgeBase.Change change, String action, String intent, String language) {
        if (change instanceof KnowledgeBase.Saved saved) {
            audit.record(who, action, "assistant-answer:" + language + "/" + intent, "version " + saved.version());
        }
        return change;
    }

    private static String redirect(String language, String slug, KnowledgeBase.Change change) {
        String page = "redirect:/console/assistant/answers/" + language + "/" + slug;
        return change instanceof KnowledgeBase.Refused refused ? page + "?refused=" + refused.code() : page;
    }

    static String slug(String intent) {
        return intent.replace("?", "");
    }

    private static String intent(String slug) {
        return KnowledgeBase.ANSWERED.stream()
                .filter(i -> slug(i).equals(slug))
                .findFirst()
                .orElseThrow(() -> new UnknownAnswer("No answer for the intent " + slug));
    }

    private static String language(String tag) {
        if (!Language.tags().contains(tag)) {
            throw new UnknownAnswer("No answers in the language " + tag);
        }
        return tag;
    }

    /** An address naming an intent or language the knowledge base does not have: 404. */
    static final class UnknownAnswer extends RuntimeException {
        UnknownAnswer(String detail) {
            super(detail);
        }
    }
}
