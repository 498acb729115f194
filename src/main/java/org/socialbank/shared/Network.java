package org.socialbank.shared;

import java.util.Arrays;
import java.util.Locale;
import java.util.Optional;

/** The networks a customer may hold a handle on. */
public enum Network {
    X,
    TELEGRAM,
    BALE,
    WECHAT,
    WHATSAPP,
    WEBCHAT;

    public String wireName() {
        return name().toLowerCase(Locale.ROOT);
    }

    public static Optional<Network> fromWireName(String name) {
        return Arrays.stream(values()).filter(n -> n.wireName().equals(name)).findFirst();
    }
}
