package org.socialbank.channels.wechat;

import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.socialbank.branches.Branches;
import org.springframework.context.MessageSource;

/**
 * QR codes with a scene: a follower who subscribes or scans the code of a branch
 * ({@code branch_<BRANCH-ID>}) is welcomed to that branch, in the account's {@code language}.
 * Other scenes (campaigns, unknown branches) are logged and otherwise ignored.
 */
public class WeChatScenes {

    static final String BRANCH = "branch_";

    private static final Logger log = LoggerFactory.getLogger(WeChatScenes.class);

    private final Branches branches;
    private final MessageSource messages;
    private final WeChatProperties properties;

    public WeChatScenes(Branches branches, MessageSource messages, WeChatProperties properties) {
        this.branches = branches;
        this.messages = messages;
        this.properties = properties;
    }

    /** The line that opens the welcome of a callback from a branch's QR code, if it is one. */
    public Optional<String> greeting(Map<String, String> xml) {
        Optional<String> scene = WeChatUpdates.scene(xml);
        if (scene.isEmpty()) {
            return Optional.empty();
        }
        Optional<String> branch = scene.filter(s -> s.startsWith(BRANCH))
                .map(s -> s.substring(BRANCH.length()))
                .flatMap(branches::find)
                .map(b -> b.name());
        if (branch.isEmpty()) {
            log.info("WeChat QR scene ignored: {}", scene.get());
            return Optional.empty();
        }
        return Optional.of(messages.getMessage(
                "wechat.scene.branch", new Object[] {branch.get()}, Locale.forLanguageTag(properties.language())));
    }
}
