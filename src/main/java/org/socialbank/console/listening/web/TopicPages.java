package org.socialbank.console.listening.web;

import java.util.Arrays;
import org.socialbank.console.StaffAudit;
import org.socialbank.console.StaffMember;
import org.socialbank.listening.Topic;
import org.socialbank.listening.Topics;
import org.socialbank.listening.cases.Cases;
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
 * Staff name listening's topics and merge one into another (issue 20 s2). Reading needs
 * {@code LISTENING}, changing {@code LISTENING_ACT} in the social-care team; every change is
 * audited in its transaction. A refusal shows the page again with its code.
 */
@Controller
class TopicPages {

    private final Topics topics;
    private final Cases cases;
    private final StaffAudit audit;
    private final TransactionTemplate transactions;

    TopicPages(Topics topics, Cases cases, StaffAudit audit, PlatformTransactionManager transactionManager) {
        this.topics = topics;
        this.cases = cases;
        this.audit = audit;
        this.transactions = new TransactionTemplate(transactionManager);
    }

    @GetMapping("/console/listening/topics")
    String list(@AuthenticationPrincipal StaffMember who, @RequestParam(required = false) String refused, Model model) {
        SocialCare.requireRead(who, cases.defaultTeam());
        model.addAttribute("topics", topics.all());
        model.addAttribute(
                "allTopics", Arrays.stream(Topic.values()).map(Topic::wireName).toList());
        model.addAttribute("refused", refused != null && refused.matches("[a-z_]{1,32}") ? refused : null);
        return "console/listening/topics";
    }

    @PostMapping("/console/listening/topics/{topic}/name")
    String rename(
            @AuthenticationPrincipal StaffMember who,
            @PathVariable String topic,
            @RequestParam(defaultValue = "") String name) {
        SocialCare.requireAct(who, cases.defaultTeam());
        Topic t = topic(topic);
        return answer(transactions.execute(status -> audited(
                who,
                topics.rename(t, name, who.username()),
                "listening.topic.named",
                "topic:" + t.wireName(),
                name.strip())));
    }

    @PostMapping("/console/listening/topics/{topic}/merge")
    String merge(@AuthenticationPrincipal StaffMember who, @PathVariable String topic, @RequestParam String into) {
        SocialCare.requireAct(who, cases.defaultTeam());
        Topic from = topic(topic);
        Topic target = topic(into);
        return answer(transactions.execute(status -> {
            Topics.Change change = topics.merge(from, target, who.username());
            String why = change instanceof Topics.Moved moved
                    ? "into " + target.wireName() + ", " + moved.mentions() + " mentions moved"
                    : "";
            return audited(who, change, "listening.topic.merged", "topic:" + from.wireName(), why);
        }));
    }

    @PostMapping("/console/listening/topics/{topic}/unmerge")
    String unmerge(@AuthenticationPrincipal StaffMember who, @PathVariable String topic) {
        SocialCare.requireAct(who, cases.defaultTeam());
        Topic t = topic(topic);
        return answer(transactions.execute(status -> audited(
                who, topics.unmerge(t, who.username()), "listening.topic.unmerged", "topic:" + t.wireName(), "")));
    }

    private Topics.Change audited(StaffMember who, Topics.Change change, String what, String subject, String why) {
        if (!(change instanceof Topics.Refused)) {
            audit.record(who, what, subject, why);
        }
        return change;
    }

    private static String answer(Topics.Change change) {
        return change instanceof Topics.Refused refused
                ? "redirect:/console/listening/topics?refused=" + refused.code()
                : "redirect:/console/listening/topics";
    }

    private static Topic topic(String wireName) {
        return Topic.fromWireName(wireName).orElseThrow(() -> BadListeningRequest.invalid("unknown topic " + wireName));
    }
}
