package org.socialbank.handoff.web;

import java.util.UUID;
import org.socialbank.console.ConsoleForbidden;
import org.socialbank.console.Permission;
import org.socialbank.console.StaffAudit;
import org.socialbank.console.StaffMember;
import org.socialbank.handoff.ListeningHandovers;
import org.socialbank.listening.cases.CaseId;
import org.socialbank.listening.cases.CaseResult;
import org.socialbank.listening.cases.Cases;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;

/**
 * The listening case page's "hand to a person" button (issues 19 and 20): staff who may act on
 * listening cases of the social-care team hand the case over; the handoff and its audit row are
 * one transaction. Either way back to the case's page, which links the conversation or says why not.
 */
@Controller
class ListeningHandoverPages {

    private final ListeningHandovers handovers;
    private final Cases cases;
    private final StaffAudit audit;
    private final TransactionTemplate transactions;

    ListeningHandoverPages(
            ListeningHandovers handovers,
            Cases cases,
            StaffAudit audit,
            PlatformTransactionManager transactionManager) {
        this.handovers = handovers;
        this.cases = cases;
        this.audit = audit;
        this.transactions = new TransactionTemplate(transactionManager);
    }

    @PostMapping("/console/listening/cases/{id}/handoff")
    String handOver(@AuthenticationPrincipal StaffMember who, @PathVariable UUID id) {
        who.require(Permission.LISTENING_ACT);
        if (!who.inTeam(cases.defaultTeam())) {
            throw new ConsoleForbidden(Permission.LISTENING_ACT);
        }
        CaseId caseId = new CaseId(id);
        CaseResult result = transactions.execute(status -> {
            CaseResult r = handovers.handOver(caseId, who.username());
            if (r instanceof CaseResult.Done) {
                UUID handoff = handovers.handoffOf(caseId).orElseThrow().value();
                audit.record(who, "listening.case.handed-over", "case:" + id + " conversation:" + handoff, "");
            }
            return r;
        });
        if (result instanceof CaseResult.Rejected rejected) {
            return "redirect:/console/listening/cases/" + id + "?refused=" + rejected.code();
        }
        return "redirect:/console/listening/cases/" + id;
    }
}
