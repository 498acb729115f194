package org.socialbank.console.staff;

import java.security.SecureRandom;
import java.time.Clock;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;
import org.socialbank.console.Role;
import org.socialbank.console.StaffAccountChanged;
import org.socialbank.console.StaffId;
import org.socialbank.console.StaffMember;
import org.socialbank.security.otp.TotpSecret;
import org.socialbank.shared.Language;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * An administrator's changes to staff accounts (issue 19): create (with a first password and an
 * authenticator secret made here, handed over once), change name, roles, teams and languages,
 * reset the authenticator, disable and enable. Disabling or a new authenticator ends the person's
 * sessions at once. The caller records each change in the staff audit, in the same transaction.
 * A change of name, roles, teams or languages, a disable and an enable publish {@link
 * StaffAccountChanged} in that transaction (the handoff stops giving conversations to a person
 * who may no longer answer them).
 */
@Service
public class StaffChanges {

    static final List<String> LANGUAGES = Language.tags();
    static final int TEAMS_MAX = 20;
    private static final Pattern TEAM = Pattern.compile("[a-z0-9_-]{1,32}");
    /** Letters and digits that cannot be mistaken for each other when read out or copied. */
    private static final String PASSWORD_ALPHABET = "abcdefghjkmnpqrstuvwxyzABCDEFGHJKLMNPQRSTUVWXYZ23456789";

    private static final int PASSWORD_LENGTH = 20;

    private final JdbcStaff staff;
    private final JdbcSessions sessions;
    private final Credentials credentials;
    private final ApplicationEventPublisher events;
    private final Clock clock;
    private final SecureRandom random = new SecureRandom();

    StaffChanges(
            JdbcStaff staff,
            JdbcSessions sessions,
            Credentials credentials,
            ApplicationEventPublisher events,
            Clock clock) {
        this.staff = staff;
        this.sessions = sessions;
        this.credentials = credentials;
        this.events = events;
        this.clock = clock;
    }

    /** What an administrator typed for an account. */
    public record Form(String displayName, Set<Role> roles, List<String> teams, List<String> languages) {}

    @Transactional
    public StaffResult create(String username, Form form) {
        String name = username == null ? "" : username.strip().toLowerCase(java.util.Locale.ROOT);
        if (!name.matches(StaffAccounts.USERNAME)) {
            return new StaffResult.Refused(StaffResult.Code.INVALID_USERNAME);
        }
        Optional<StaffResult.Code> invalid = check(form);
        if (invalid.isPresent()) {
            return new StaffResult.Refused(invalid.get());
        }
        if (staff.byUsername(name).isPresent()) {
            return new StaffResult.Refused(StaffResult.Code.USERNAME_TAKEN);
        }
        StaffMember member = new StaffMember(
                StaffId.random(), name, form.displayName().strip(), form.roles(), form.teams(), form.languages());
        String password = password();
        TotpSecret secret = TotpSecret.random(random);
        staff.insert(member, credentials.hash(password), credentials.seal(secret, member.id()), clock.instant());
        return new StaffResult.Done(name, Optional.of(password), Optional.of(secret), describe(member));
    }

    /** Changes name, roles, teams and languages; an administrator cannot take away their own admin role. */
    @Transactional
    public StaffResult update(StaffMember by, String username, Form form) {
        Optional<StaffAccount> found = staff.lockedByUsername(username);
        if (found.isEmpty()) {
            return new StaffResult.Refused(StaffResult.Code.NOT_FOUND);
        }
        Optional<StaffResult.Code> invalid = check(form);
        if (invalid.isPresent()) {
            return new StaffResult.Refused(invalid.get());
        }
        StaffMember before = found.get().member();
        if (before.id().equals(by.id()) && !form.roles().contains(Role.ADMIN)) {
            return new StaffResult.Refused(StaffResult.Code.SELF);
        }
        StaffMember after = new StaffMember(
                before.id(),
                before.username(),
                form.displayName().strip(),
                form.roles(),
                form.teams(),
                form.languages());
        staff.update(after);
        events.publishEvent(new StaffAccountChanged(after, found.get().active()));
        return new StaffResult.Done(
                username, Optional.empty(), Optional.empty(), describe(before) + " -> " + describe(after));
    }

    /** A new authenticator secret (the old one stops working) and every session of the person ends. */
    @Transactional
    public StaffResult resetAuthenticator(String username) {
        Optional<StaffAccount> found = staff.lockedByUsername(username);
        if (found.isEmpty()) {
            return new StaffResult.Refused(StaffResult.Code.NOT_FOUND);
        }
        StaffId id = found.get().member().id();
        TotpSecret secret = TotpSecret.random(random);
        staff.setSecret(id, credentials.seal(secret, id));
        sessions.endAll(id, clock.instant());
        return new StaffResult.Done(username, Optional.empty(), Optional.of(secret), "authenticator replaced");
    }

    /** Disables (sessions end at once) or enables an account; an administrator cannot disable themselves. */
    @Transactional
    public StaffResult setActive(StaffMember by, String username, boolean active) {
        Optional<StaffAccount> found = staff.lockedByUsername(username);
        if (found.isEmpty()) {
            return new StaffResult.Refused(StaffResult.Code.NOT_FOUND);
        }
        if (!active && found.get().member().id().equals(by.id())) {
            return new StaffResult.Refused(StaffResult.Code.SELF);
        }
        staff.setActive(found.get().member().id(), active);
        if (!active) {
            sessions.endAll(found.get().member().id(), clock.instant());
        }
        events.publishEvent(new StaffAccountChanged(found.get().member(), active));
        return new StaffResult.Done(username, Optional.empty(), Optional.empty(), active ? "enabled" : "disabled");
    }

    private static Optional<StaffResult.Code> check(Form form) {
        if (form.displayName() == null
                || form.displayName().isBlank()
                || form.displayName().strip().length() > 128) {
            return Optional.of(StaffResult.Code.INVALID_NAME);
        }
        if (form.roles().isEmpty()) {
            return Optional.of(StaffResult.Code.NO_ROLE);
        }
        if (form.teams().size() > TEAMS_MAX
                || !form.teams().stream().allMatch(t -> TEAM.matcher(t).matches())
                || String.join(",", form.teams()).length() > 500) {
            return Optional.of(StaffResult.Code.INVALID_TEAM);
        }
        if (!LANGUAGES.containsAll(form.languages())) {
            return Optional.of(StaffResult.Code.INVALID_LANGUAGE);
        }
        return Optional.empty();
    }

    private static String describe(StaffMember m) {
        String roles =
                m.roles().stream().map(Role::wireName).sorted().collect(java.util.stream.Collectors.joining(","));
        return "name=" + m.displayName() + "; roles=" + roles + "; teams=" + String.join(",", m.teams())
                + "; languages=" + String.join(",", m.languages());
    }

    private String password() {
        StringBuilder out = new StringBuilder(PASSWORD_LENGTH);
        for (int i = 0; i < PASSWORD_LENGTH; i++) {
            out.append(PASSWORD_ALPHABET.charAt(random.nextInt(PASSWORD_ALPHABET.length())));
        }
        return out.toString();
    }
}
