package org.socialbank.channels.wechat;

import java.util.Optional;
import java.util.Set;

/**
 * WeChat's API with the shared access token: a call refused for an invalid or expired token
 * (40001, 40014, 42001) drops that token, refreshes once and is tried once more.
 */
public class WeChatClient {

    static final Set<Integer> INVALID_TOKEN = Set.of(40001, 40014, 42001);

    private final WeChatApi api;
    private final WeChatAccessTokens tokens;

    public WeChatClient(WeChatApi api, WeChatAccessTokens tokens) {
        this.api = api;
        this.tokens = tokens;
    }

    public WeChatApi.Answer post(String path, String json) {
        Optional<String> token = tokens.current();
        if (token.isEmpty()) {
            return new WeChatApi.Unavailable("no access token");
        }
        WeChatApi.Answer answer = api.post(path, token.get(), json);
        if (answer instanceof WeChatApi.Refused refused && INVALID_TOKEN.contains(refused.errcode())) {
            tokens.invalidate(token.get());
            Optional<String> fresh = tokens.current();
            if (fresh.isEmpty()) {
                return new WeChatApi.Unavailable("no access token after " + refused.errcode());
            }
            answer = api.post(path, fresh.get(), json);
        }
        return answer;
    }
}
