package org.socialbank.channels.wechat;

import java.util.List;
import java.util.Locale;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.MessageSource;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * The account's custom menu: balance, pay, bills, branches and the assistant, each a CLICK whose
 * key {@link WeChatUpdates} reads as the matching command. Set when the application starts.
 */
public class WeChatMenu {

    static final String MENU_CREATE = "/cgi-bin/menu/create";
    static final List<String> KEYS = List.of("BALANCE", "PAY", "BILLS", "BRANCHES", "ASSISTANT");

    private static final Logger log = LoggerFactory.getLogger(WeChatMenu.class);

    private final WeChatClient client;
    private final MessageSource messages;
    private final WeChatProperties properties;

    public WeChatMenu(WeChatClient client, MessageSource messages, WeChatProperties properties) {
        this.client = client;
        this.messages = messages;
        this.properties = properties;
    }

    /** Sets the menu; a failure is logged, not fatal (the bank still answers typed commands). */
    public WeChatApi.Answer set() {
        WeChatApi.Answer answer = client.post(MENU_CREATE, json());
        if (answer instanceof WeChatApi.Ok) {
            log.info("WeChat menu set");
        } else {
            log.warn("WeChat menu not set: {}", answer);
        }
        return answer;
    }

    String json() {
        Locale locale = Locale.forLanguageTag(properties.language());
        ObjectNode menu = WeChatApi.JSON.createObjectNode();
        ArrayNode buttons = menu.putArray("button");
        // WeChat allows 3 top-level buttons: the two everyday ones, then the others under "more"
        buttons.add(click(KEYS.get(0), locale));
        buttons.add(click(KEYS.get(1), locale));
        ObjectNode more = buttons.addObject().put("name", messages.getMessage("wechat.menu.more", null, locale));
        ArrayNode sub = more.putArray("sub_button");
        KEYS.subList(2, KEYS.size()).forEach(key -> sub.add(click(key, locale)));
        return WeChatApi.JSON.writeValueAsString(menu);
    }

    private ObjectNode click(String key, Locale locale) {
        return WeChatApi.JSON
                .createObjectNode()
                .put("type", "click")
                .put("name", messages.getMessage("wechat.menu." + key.toLowerCase(Locale.ROOT), null, locale))
                .put("key", key);
    }
}
