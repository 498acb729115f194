package org.socialbank.console;

import java.time.Clock;
import java.util.EnumSet;
import java.util.List;
import java.util.UUID;
import org.socialbank.console.staff.StaffAccounts;
import org.socialbank.security.otp.Totp;
import org.socialbank.security.otp.TotpSecret;
import org.socialbank.support.FormClient;

/**
 * Test staff for console tests of any module: {@link #create} makes a member of staff with a
 * fresh name and the demo authenticator secret, {@link #signIn} signs a {@link FormClient} in with
 * both steps. Every call makes a new person, so two sign-ins never meet the code-used-once rule.
 */
public final class ConsoleStaff {

    public static final String PASSWORD = "correct horse battery staple";
    public static final TotpSecret SECRET = TotpSecret.ofBase32(ConsoleDemo.TOTP_SECRET);

    private final StaffAccounts accounts;
    private final Clock clock;

    public ConsoleStaff(StaffAccounts accounts, Clock clock) {
        this.accounts = accounts;
        this.clock = clock;
    }

    /** A new member of staff with these roles, in the teams {@code cards} and {@code payments}. */
    public StaffMember create(Role first, Role... more) {
        return createIn(List.of("cards", "payments"), first, more);
    }

    /** A new member of staff with these roles, in these teams, answering in English. */
    public StaffMember createIn(List<String> teams, Role first, Role... more) {
        String username = first.wireName().replace('_', '-') + "-"
                + UUID.randomUUID().toString().substring(0, 8);
        StaffMember member = new StaffMember(
                StaffId.random(), username, "Test " + username, EnumSet.of(first, more), teams, List.of("en"));
        accounts.create(member, PASSWORD, SECRET);
        return member;
    }

    /** The code an authenticator app shows now, by the application's clock. */
    public String codeNow() {
        return Totp.defaults().code(SECRET.bytes(), clock.instant());
    }

    /** Signs a client in with both steps; returns the page the console shows after it. */
    public FormClient.Page signIn(FormClient client, StaffMember member) {
        client.get("/console/login");
        client.post("/console/login", "username", member.username(), "password", PASSWORD);
        return client.post("/console/login/code", "code", codeNow());
    }

    /** A new member of staff with these roles, signed in on a new client. */
    public FormClient signedIn(int port, Role first, Role... more) {
        FormClient client = new FormClient(port);
        FormClient.Page home = signIn(client, create(first, more));
        if (home.status() != 200 || !home.contains("Sign out")) {
            throw new IllegalStateException("sign-in failed: " + home.status());
        }
        return client;
    }
}
