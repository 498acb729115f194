package org.socialbank.handoff.jdbc;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.Optional;
import org.socialbank.shared.Language;
import org.socialbank.shared.jdbc.Timestamps;

/**
 * The conversions every handoff table shares (UTC timestamps, optional times, language tags), in
 * one place so that each part of {@link JdbcHandoffs} writes and reads them the same way.
 */
final class HandoffColumns {

    private HandoffColumns() {}

    static Optional<Instant> optional(ResultSet rs, String column) throws SQLException {
        return Optional.ofNullable(Timestamps.instant(rs, column));
    }

    /** An unknown tag reads as English (the bank's fallback language). */
    static Language language(String tag) {
        return Language.fromTag(tag).orElse(Language.EN);
    }

    static Object utc(Instant at) {
        return at == null ? null : Timestamps.utc(at);
    }

    static Object utc(Optional<Instant> at) {
        return at.map(Timestamps::utc).orElse(null);
    }
}
