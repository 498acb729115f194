package org.socialbank.console.listening.web;

import java.time.Instant;
import java.util.List;
import java.util.Locale;
import org.socialbank.directory.ChannelIdentities;
import org.socialbank.directory.CustomerView;

/**
 * What a case shows of the linked customer behind a mention, masked: the initials of the name,
 * language, KYC level, status, customer since, how many accounts, which chats are linked. No
 * alias, phone, account number or balance: revealing more is the conversations' business.
 */
record CustomerContext(
        String maskedName,
        String language,
        String kycLevel,
        String status,
        Instant since,
        int accounts,
        List<String> linkedChats) {

    static CustomerContext of(CustomerView view, List<ChannelIdentities.LinkedChat> chats) {
        return new CustomerContext(
                mask(view.customer().displayName()),
                view.customer().language().tag(),
                view.customer().kycLevel().name().toLowerCase(Locale.ROOT),
                view.customer().status().name().toLowerCase(Locale.ROOT),
                view.customer().createdAt(),
                view.accounts().size(),
                chats.stream()
                        .map(c -> c.channel().wireName())
                        .distinct()
                        .sorted()
                        .toList());
    }

    /** "Alice Martin" -> "A••• M•••"; "王小明" -> "王••". */
    static String mask(String name) {
        if (name == null || name.isBlank()) {
            return "•••";
        }
        StringBuilder out = new StringBuilder();
        for (String part : name.strip().split("\\s+")) {
            if (out.length() > 0) {
                out.append(' ');
            }
            out.appendCodePoint(part.codePointAt(0)).append("•••");
        }
        return out.toString();
    }
}
