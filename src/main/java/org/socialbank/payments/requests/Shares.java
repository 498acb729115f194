package org.socialbank.payments.requests;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.HexFormat;
import java.util.List;

/** How a split's total is shared out, in exact minor units; pure. */
final class Shares {

    private Shares() {}

    /**
     * @param organiserMinor the organiser's own share (0 when not included)
     * @param membersMinor each member's share, in the order of the split's members
     */
    record Allocation(long organiserMinor, List<Long> membersMinor) {}

    /** The shares, or why there are none: duplicate_member, shares_mixed, shares_do_not_add_up, share_too_small. */
    static Checked<Allocation> allocate(SplitOrder order) {
        List<Share> shares = order.shares();
        if (new HashSet<>(shares.stream().map(Share::alias).toList()).size() != shares.size()) {
            return Checked.no(RequestRejection.DUPLICATE_MEMBER);
        }
        long given = shares.stream().filter(s -> s.amountMinor() != null).count();
        if (given == shares.size()) {
            return given(order);
        }
        return given == 0 ? equal(order) : Checked.no(RequestRejection.SHARES_MIXED);
    }

    private static Checked<Allocation> given(SplitOrder order) {
        long sum = 0;
        for (Share s : order.shares()) {
            if (s.amountMinor() > order.totalMinor() - sum) { // compared so, the sum can never overflow
                return Checked.no(RequestRejection.SHARES_DO_NOT_ADD_UP);
            }
            sum += s.amountMinor();
        }
        long rest = order.totalMinor() - sum;
        boolean fits = order.includeOrganiser() ? rest > 0 : rest == 0;
        return fits
                ? Checked.ok(new Allocation(
                        rest, order.shares().stream().map(Share::amountMinor).toList()))
                : Checked.no(RequestRejection.SHARES_DO_NOT_ADD_UP);
    }

    /** Equal shares; the minor units left over go to the organiser when included, else one each to the first members. */
    private static Checked<Allocation> equal(SplitOrder order) {
        int members = order.shares().size();
        int parts = members + (order.includeOrganiser() ? 1 : 0);
        long base = order.totalMinor() / parts;
        long remainder = order.totalMinor() % parts;
        if (base == 0) {
            return Checked.no(RequestRejection.SHARE_TOO_SMALL);
        }
        List<Long> each = new ArrayList<>(members);
        for (int i = 0; i < members; i++) {
            each.add(!order.includeOrganiser() && i < remainder ? base + 1 : base);
        }
        return Checked.ok(new Allocation(order.includeOrganiser() ? base + remainder : 0, each));
    }

    /** What makes two orders of one id the same split: a replay, not a reused id. */
    static String fingerprint(SplitOrder order) {
        StringBuilder text = new StringBuilder()
                .append(order.organiser())
                .append('|')
                .append(order.totalMinor())
                .append('|')
                .append(order.currency().code())
                .append('|')
                .append(order.note())
                .append('|')
                .append(order.channel())
                .append('|')
                .append(order.includeOrganiser());
        for (Share s : order.shares()) {
            text.append('|')
                    .append(s.alias().type().wireName())
                    .append(':')
                    .append(s.alias().network())
                    .append(':')
                    .append(s.alias().value())
                    .append('=')
                    .append(s.amountMinor());
        }
        try {
            return HexFormat.of()
                    .formatHex(MessageDigest.getInstance("SHA-256")
                            .digest(text.toString().getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is missing from this JVM", e);
        }
    }
}
