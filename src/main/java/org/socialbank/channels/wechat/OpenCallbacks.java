package org.socialbank.channels.wechat;

import java.util.concurrent.ConcurrentHashMap;

/**
 * The followers whose callback is open on this node: their first reply is meant to go back in the
 * callback's answer, so this node's relay leaves their replies alone until the callback is done.
 */
public final class OpenCallbacks {

    public OpenCallbacks() {}

    private final ConcurrentHashMap<String, Integer> open = new ConcurrentHashMap<>();

    void opened(String openId) {
        open.merge(openId, 1, Integer::sum);
    }

    void closed(String openId) {
        open.computeIfPresent(openId, (id, count) -> count <= 1 ? null : count - 1);
    }

    boolean isOpen(String openId) {
        return open.containsKey(openId);
    }
}
