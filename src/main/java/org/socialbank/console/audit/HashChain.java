package org.socialbank.console.audit;

import java.nio.charset.StandardCharsets;
import java.util.HexFormat;
import org.socialbank.shared.Digests;

/**
 * The audit's hash chain, plain Java: {@code hash = SHA-256(prev_hash || canonical row)} in lower
 * case hex, where the canonical row writes each field as its length, a colon and its text, so that
 * no two different rows read the same.
 */
public final class HashChain {

    /** The hash before the first row. */
    public static final String GENESIS = "0".repeat(64);

    private HashChain() {}

    /** The fields a row's hash covers, in a form only that row has. */
    static String canonical(long seq, AuditRow row) {
        StringBuilder out = new StringBuilder(256);
        field(out, Long.toString(seq));
        field(out, row.recordedAt().toString());
        field(out, row.whoId() == null ? "" : row.whoId().toString());
        field(out, row.whoName());
        field(out, row.what());
        field(out, row.subject());
        field(out, row.why());
        return out.toString();
    }

    /** The hash of a row that follows {@code prevHash}. */
    public static String hash(String prevHash, AuditRow row) {
        byte[] digest = Digests.sha256((prevHash + canonical(row.seq(), row)).getBytes(StandardCharsets.UTF_8));
        return HexFormat.of().formatHex(digest);
    }

    private static void field(StringBuilder out, String value) {
        out.append(value.length()).append(':').append(value).append(';');
    }
}
