package org.socialbank.console;

import java.util.List;

/**
 * The demo staff, made at start-up in demo mode only. Their passwords and the authenticator
 * secret are public (they are in this file and in the README): a demo bank on a laptop, never a
 * real one.
 */
public final class ConsoleDemo {

    /**
     * The authenticator secret (Base32) of every demo member of staff: add it to an authenticator
     * app by hand, or compute a code with {@code oathtool --totp -b SOCIALBANKCONSOLEDEMOSTAFFSECRET}.
     */
    public static final String TOTP_SECRET = "SOCIALBANKCONSOLEDEMOSTAFFSECRET";

    /** A demo member of staff: user name, name shown, roles, teams, languages. */
    public record Staff(
            String username, String displayName, List<Role> roles, List<String> teams, List<String> languages) {

        /** The public demo password, {@code <name>-demo-2026}. */
        public String password() {
            return ConsoleDemo.password(username);
        }
    }

    public static final List<Staff> STAFF = List.of(
            new Staff(
                    "agent",
                    "Amira Haddad",
                    List.of(Role.AGENT),
                    List.of("support", "cards", "payments", "social"),
                    List.of("en", "fr", "fa")),
            new Staff(
                    "supervisor",
                    "Sergei Volkov",
                    List.of(Role.SUPERVISOR),
                    List.of("support", "cards", "payments", "social"),
                    List.of("en", "ru")),
            new Staff(
                    "campaigns",
                    "Chen Jing",
                    List.of(Role.CAMPAIGN_MANAGER),
                    List.of("marketing"),
                    List.of("en", "zh")),
            new Staff("auditor", "Claire Martin", List.of(Role.AUDITOR), List.of("compliance"), List.of("en", "fr")),
            new Staff("admin", "Dariush Karimi", List.of(Role.ADMIN), List.of("operations"), List.of("en", "fa")));

    private ConsoleDemo() {}

    /** The public demo password of a demo user name. */
    public static String password(String username) {
        return username + "-demo-2026";
    }
}
