package org.socialbank.handoff.web;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;
import org.socialbank.console.Permission;
import org.socialbank.console.StaffAudit;
import org.socialbank.console.StaffMember;
import org.socialbank.handoff.AgentId;
import org.socialbank.handoff.Assignment;
import org.socialbank.handoff.HandoffRefusal;
import org.socialbank.handoff.HandoffViews;
import org.socialbank.handoff.Keywords;
import org.socialbank.handoff.jdbc.JdbcHandoffs;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;

/**
 * Supervisors' pages (issue 19): the handoff keywords of their teams (set, change, remove, each
 * audited) and the customers' ratings (CSAT) of closed conversations per agent and per team of
 * their teams. The console's filter lets in staff with {@code CONVERSATIONS}; these pages need
 * {@code SUPERVISE} too.
 */
@Controller
class SupervisorPages {

    /** Periods a ratings report may cover, in days. */
    static final List<Integer> PERIODS_DAYS = List.of(7, 30, 90, 365);

    private final Keywords keywords;
    private final HandoffViews views;
    private final StaffAudit audit;
    private final java.time.Clock clock;
    private final TransactionTemplate transactions;

    SupervisorPages(
            Keywords keywords,
            HandoffViews views,
            StaffAudit audit,
            java.time.Clock clock,
            PlatformTransactionManager transactionManager) {
        this.keywords = keywords;
        this.views = views;
        this.audit = audit;
        this.clock = clock;
        this.transactions = new TransactionTemplate(transactionManager);
    }

    /** One line of a ratings report: who (key and name), how many conversations were rated, their average (1..5). */
    record RatingLine(String key, String name, int rated, BigDecimal average) {}

    @GetMapping("/console/conversations/keywords")
    String keywordsPage(
            @AuthenticationPrincipal StaffMember who, @RequestParam(required = false) String refused, Model model) {
        who.require(Permission.SUPERVISE);
        model.addAttribute(
                "keywords",
                keywords.all().stream().filter(k -> who.inTeam(k.team())).toList());
        model.addAttribute(
                "others",
                keywords.all().stream().filter(k -> !who.inTeam(k.team())).count());
        model.addAttribute("teams", who.teams().stream().sorted().toList());
        model.addAttribute("max", Keywords.KEYWORDS_MAX);
        model.addAttribute("refused", refused != null && refused.matches("[a-z_]{1,32}") ? refused : null);
        return "console/conversations/keywords";
    }

    @PostMapping("/console/conversations/keywords")
    String setKeyword(
            @AuthenticationPrincipal StaffMember who,
            @RequestParam String keyword,
            @RequestParam String team,
            @RequestParam(defaultValue = "false") boolean fraud) {
        who.require(Permission.SUPERVISE);
        Keywords.Keyword wanted = new Keywords.Keyword(keyword.length() > 200 ? "" : keyword, team, fraud);
        // the change and its audit row in one transaction, as every console action (docs/console.md)
        Optional<HandoffRefusal> refused = transactions.execute(status -> {
            Optional<HandoffRefusal> r = keywords.set(AgentId.of(who.id()), Set.copyOf(who.teams()), wanted);
            if (r.isEmpty()) {
                audit.record(
                        who,
                        "handoff.keyword.set",
                        "keyword:" + wanted.keyword(),
                        "team " + team + (fraud ? ", fraud" : ""));
            }
            return r;
        });
        if (refused.isPresent()) {
            return "redirect:/console/conversations/keywords?refused="
                    + refused.get().code();
        }
        return "redirect:/console/conversations/keywords";
    }

    @PostMapping("/console/conversations/keywords/remove")
    String removeKeyword(@AuthenticationPrincipal StaffMember who, @RequestParam String keyword) {
        who.require(Permission.SUPERVISE);
        Optional<Keywords.Keyword> known = keywords.all().stream()
                .filter(k -> k.keyword().equals(new Keywords.Keyword(keyword, "x", false).keyword()))
                .findFirst();
        if (known.isEmpty() || !who.inTeam(known.get().team())) {
            return "redirect:/console/conversations/keywords?refused=" + HandoffRefusal.NOT_FOUND.code();
        }
        transactions.executeWithoutResult(status -> {
            keywords.remove(known.get().keyword());
            audit.record(
                    who, "handoff.keyword.removed", "keyword:" + known.get().keyword(), "");
        });
        return "redirect:/console/conversations/keywords";
    }

    /** Ratings of the last {@code days} days, per team and per agent, of the supervisor's teams. */
    @GetMapping("/console/conversations/ratings")
    String ratings(@AuthenticationPrincipal StaffMember who, @RequestParam(defaultValue = "30") int days, Model model) {
        who.require(Permission.SUPERVISE);
        int period = PERIODS_DAYS.contains(days) ? days : 30;
        Instant since = clock.instant().minus(Duration.ofDays(period));
        Set<String> agents = who.teams().stream()
                .flatMap(t -> views.agentsOf(t).stream())
                .map(Assignment.Agent::id)
                .map(AgentId::value)
                .collect(Collectors.toSet());
        model.addAttribute(
                "teams",
                views.ratings(true, since).stream()
                        .filter(r -> who.inTeam(r.who()))
                        .map(r -> line(r, r.who()))
                        .toList());
        model.addAttribute(
                "agents",
                views.ratings(false, since).stream()
                        .filter(r -> agents.contains(r.who()))
                        .map(r ->
                                line(r, views.displayName(new AgentId(r.who())).orElse(r.who())))
                        .toList());
        model.addAttribute("days", period);
        model.addAttribute("periods", PERIODS_DAYS);
        audit.record(who, "handoff.ratings.viewed", "ratings:" + period + "d", "");
        return "console/conversations/ratings";
    }

    private static RatingLine line(JdbcHandoffs.Ratings r, String name) {
        return new RatingLine(
                r.who(),
                name,
                r.rated(),
                BigDecimal.valueOf(r.sum())
                        .divide(BigDecimal.valueOf(Math.max(1, r.rated())), 1, RoundingMode.HALF_UP));
    }
}
