package org.socialbank.shared.jdbc;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import org.socialbank.shared.Microseconds;

/**
 * Instants to and from {@code TIMESTAMP WITH TIME ZONE} columns, the same on H2 and PostgreSQL.
 * Both keep microseconds: an instant is cut to them on the way in, so that what a transaction
 * wrote compares equal to what it reads back (and a row due "now" is due on every store).
 */
public final class Timestamps {

    private Timestamps() {}

    /** The instant as a UTC value for a JDBC parameter; null stays null. */
    public static OffsetDateTime utc(Instant instant) {
        return instant == null ? null : Microseconds.cut(instant).atOffset(ZoneOffset.UTC);
    }

    /**
     * Whether a client's instant (a filter, a page cursor) fits a timestamp column: years 1970 to
     * 9999. ISO-8601 reads instants a billion years away, which no column holds: a query with one
     * would fail as the bank's fault instead of the client's.
     */
    public static boolean storable(Instant instant) {
        return !instant.isBefore(Instant.EPOCH) && !instant.isAfter(STORABLE_MAX);
    }

    private static final Instant STORABLE_MAX = Instant.parse("9999-12-31T23:59:59.999999Z");

    public static Instant instant(ResultSet rs, String column) throws SQLException {
        OffsetDateTime value = rs.getObject(column, OffsetDateTime.class);
        return value == null ? null : value.toInstant();
    }

    public static Instant instant(ResultSet rs, int column) throws SQLException {
        OffsetDateTime value = rs.getObject(column, OffsetDateTime.class);
        return value == null ? null : value.toInstant();
    }
}
