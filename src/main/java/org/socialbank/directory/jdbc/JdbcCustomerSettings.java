package org.socialbank.directory.jdbc;

import java.time.ZoneId;
import java.util.Optional;
import org.socialbank.directory.CustomerId;
import org.socialbank.shared.Language;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** A customer's language and chosen zone (issue 13, V49); portable SQL for H2 and PostgreSQL. */
@Repository
public class JdbcCustomerSettings {

    /** What is stored: the language, and the zone id or null when she chose none. */
    public record Row(Language language, String zone) {}

    private final JdbcClient jdbc;

    JdbcCustomerSettings(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    public Optional<Row> find(CustomerId id) {
        return jdbc.sql("SELECT language, time_zone FROM customers WHERE id = ?")
                .param(id.value())
                .query((rs, n) -> new Row(Language.fromTag(rs.getString(1)).orElseThrow(), rs.getString(2)))
                .optional();
    }

    /** Sets the language; true when it changed. */
    public boolean language(CustomerId id, Language language) {
        return jdbc.sql("UPDATE customers SET language = ? WHERE id = ? AND language <> ?")
                        .params(language.tag(), id.value(), language.tag())
                        .update()
                == 1;
    }

    /** Sets the zone; true when it changed. */
    public boolean zone(CustomerId id, ZoneId zone) {
        return jdbc.sql("UPDATE customers SET time_zone = ? WHERE id = ? AND (time_zone IS NULL OR time_zone <> ?)")
                        .params(zone.getId(), id.value(), zone.getId())
                        .update()
                == 1;
    }

    /** Gives a customer without a login one (issue 13); true when she had none and now has it. */
    public boolean signIn(CustomerId id, String username, String passwordHash) {
        return jdbc.sql("UPDATE customers SET username = ?, password_hash = ? WHERE id = ? AND username IS NULL")
                        .params(username, passwordHash, id.value())
                        .update()
                == 1;
    }
}
