package org.socialbank.console.staff;

import java.util.EnumSet;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.socialbank.console.ConsoleDemo;
import org.socialbank.console.StaffId;
import org.socialbank.console.StaffMember;
import org.socialbank.security.otp.TotpSecret;
import org.socialbank.shared.DemoOnly;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.stereotype.Component;

/** In demo mode, makes the demo staff of {@link ConsoleDemo} that are not there yet. */
@Component
@DemoOnly
class SeedDemoStaff implements ApplicationRunner {

    private static final Logger log = LoggerFactory.getLogger(SeedDemoStaff.class);

    private final StaffAccounts accounts;

    SeedDemoStaff(StaffAccounts accounts) {
        this.accounts = accounts;
    }

    @Override
    public void run(ApplicationArguments args) {
        TotpSecret secret = TotpSecret.ofBase32(ConsoleDemo.TOTP_SECRET);
        for (ConsoleDemo.Staff s : ConsoleDemo.STAFF) {
            if (!accounts.exists(s.username())) {
                accounts.create(
                        new StaffMember(
                                StaffId.random(),
                                s.username(),
                                s.displayName(),
                                EnumSet.copyOf(s.roles()),
                                s.teams(),
                                s.languages()),
                        s.password(),
                        secret);
            }
        }
        log.warn(
                "Demo mode: the console's demo staff (agent, supervisor, campaigns, auditor, admin) sign in at "
                        + "/console/login with <name>-demo-2026 and the public authenticator secret {}",
                ConsoleDemo.TOTP_SECRET);
    }
}
