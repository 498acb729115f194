package org.socialbank.handoff;

import java.time.Clock;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import org.socialbank.handoff.jdbc.JdbcHandoffs;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The words a supervisor sets (issue 19: "fraud", "complaint", "мошенничество", "كلاهبرداری",
 * "诈骗"): a customer's text that holds one goes to a person in the keyword's team, a fraud keyword
 * before the rest of the queue. A keyword matches whole words (Chinese: anywhere in the text).
 */
@Service
public class Keywords {

    /** At most this many keywords: each customer message is checked against all of them. */
    public static final int KEYWORDS_MAX = HandoffOwners.KEYWORDS_MAX;

    private final JdbcHandoffs store;
    private final Clock clock;

    Keywords(JdbcHandoffs store, Clock clock) {
        this.store = store;
        this.clock = clock;
    }

    /** A keyword and where it sends the conversation. */
    public record Keyword(String keyword, String team, boolean fraud) {
        public Keyword {
            Objects.requireNonNull(keyword, "keyword");
            keyword = PersonRequests.normalize(keyword.strip());
        }
    }

    /**
     * Sets (or changes) a keyword of the supervisor's teams; the refusal when it is empty, longer
     * than 64, its team invalid, or too many ({@code invalid}), or when its team, or the team that
     * has it now, is not one of {@code teams} ({@code not_in_team}: a supervisor cannot take over
     * another team's keyword, review 2026-12-07 console #3).
     */
    @Transactional
    public Optional<HandoffRefusal> set(AgentId supervisor, Set<String> teams, Keyword keyword) {
        if (keyword.keyword().isEmpty() || keyword.keyword().length() > 64 || !Teams.valid(keyword.team())) {
            return Optional.of(HandoffRefusal.INVALID);
        }
        if (!teams.contains(keyword.team())
                || store.lockKeyword(keyword.keyword())
                        .filter(k -> !teams.contains(k.team()))
                        .isPresent()) {
            return Optional.of(HandoffRefusal.NOT_IN_TEAM);
        }
        List<JdbcHandoffs.Keyword> now = store.keywords(KEYWORDS_MAX + 1);
        if (now.size() >= KEYWORDS_MAX
                && now.stream().noneMatch(k -> k.keyword().equals(keyword.keyword()))) {
            return Optional.of(HandoffRefusal.INVALID);
        }
        store.saveKeyword(
                new JdbcHandoffs.Keyword(keyword.keyword(), keyword.team(), keyword.fraud() ? 1 : 0),
                supervisor.value(),
                clock.instant());
        return Optional.empty();
    }

    @Transactional
    public boolean remove(String keyword) {
        return store.removeKeyword(PersonRequests.normalize(keyword.strip()));
    }

    @Transactional(readOnly = true)
    public List<Keyword> all() {
        return store.keywords(KEYWORDS_MAX).stream()
                .map(k -> new Keyword(k.keyword(), k.team(), k.priority() > 0))
                .toList();
    }

    /** Whether the (normalized) keyword occurs in the normalized text. */
    static boolean occurs(String keyword, String normalText) {
        if (keyword.codePoints().anyMatch(Character::isIdeographic)) {
            return normalText.replace(" ", "").contains(keyword.replace(" ", ""));
        }
        int from = 0;
        while (true) {
            int at = normalText.indexOf(keyword, from);
            if (at < 0) {
                return false;
            }
            int end = at + keyword.length();
            if ((at == 0 || !Character.isLetterOrDigit(normalText.charAt(at - 1)))
                    && (end == normalText.length() || !Character.isLetterOrDigit(normalText.charAt(end)))) {
                return true;
            }
            from = at + 1;
        }
    }
}
