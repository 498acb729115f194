package org.socialbank.loyalty;

import java.time.Clock;
import java.time.Duration;
import java.util.Optional;
import java.util.UUID;
import org.socialbank.directory.Directory;
import org.socialbank.directory.DirectoryProperties;
import org.socialbank.security.otp.OneTimeCodes;
import org.socialbank.shared.SignedLinks;
import org.socialbank.shared.Uuids;
import org.socialbank.shared.jdbc.DurableTransactions;
import org.socialbank.shared.jdbc.Timestamps;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * Where a partner voucher's code is read (issue 16 s3): the code is a bearer secret, so the chat
 * gets a signed link to the bank's page, valid {@link #LINK_TTL}, and the page shows the code once
 * (the first reveal is recorded; later ones say it was shown). Never in a chat, an event or a log.
 */
@Component
public class VoucherCodes {

    static final Duration LINK_TTL = Duration.ofDays(7);

    /** What the page shows before (and after) the code: the reward and whether the code was shown. */
    public record VoucherView(UUID id, String reward, String partner, String name, long points, boolean shown) {}

    private final JdbcClient jdbc;
    private final SignedLinks links;
    private final DirectoryProperties pages;
    private final Directory directory;
    private final DurableTransactions writes;
    private final Clock clock;
    private final Rewards rewards;

    VoucherCodes(
            Rewards rewards,
            JdbcClient jdbc,
            OneTimeCodes codes,
            DirectoryProperties pages,
            Directory directory,
            DurableTransactions writes,
            Clock clock) {
        this.rewards = rewards;
        this.jdbc = jdbc;
        this.links = new SignedLinks(codes.deriveKey("loyalty voucher page"));
        this.pages = pages;
        this.directory = directory;
        this.writes = writes;
        this.clock = clock;
    }

    /** The signed link to an issued voucher's page, in its holder's language. */
    String url(Voucher voucher) {
        String language = directory
                .customer(voucher.customerId())
                .map(v -> v.customer().language().locale().getLanguage())
                .orElse("en");
        return pages.url("/rewards/vouchers/"
                + links.sign(voucher.id().toString(), clock.instant().plus(LINK_TTL)) + "?lang=" + language);
    }

    /** The issued voucher a link opens, or empty (a bad or expired link, or a voucher not issued). */
    public Optional<VoucherView> view(String token) {
        return voucherOf(token)
                .flatMap(id -> jdbc.sql("SELECT reward, points, code_shown_at FROM loyalty_vouchers "
                                + "WHERE id = ? AND status = 'issued'")
                        .param(id)
                        .query((rs, n) -> view(
                                id,
                                rs.getString("reward"),
                                rs.getLong("points"),
                                rs.getObject("code_shown_at") != null))
                        .optional());
    }

    private VoucherView view(UUID id, String code, long points, boolean shown) {
        Optional<Rewards.Reward> reward =
                rewards.catalogue().stream().filter(r -> r.code().equals(code)).findFirst();
        return new VoucherView(
                id,
                code,
                reward.map(Rewards.Reward::partner).orElse(code),
                reward.map(Rewards.Reward::name).orElse(code),
                points,
                shown);
    }

    /** The code, the first time only (recorded in the same transaction); empty after that or for a bad link. */
    public Optional<String> reveal(String token) {
        Optional<UUID> id = voucherOf(token);
        if (id.isEmpty()) {
            return Optional.empty();
        }
        return writes.write(tx -> {
            Optional<String> code = jdbc.sql(
                            "SELECT voucher_code FROM loyalty_vouchers WHERE id = ? AND status = 'issued' "
                                    + "AND code_shown_at IS NULL FOR UPDATE")
                    .param(id.get())
                    .query(String.class)
                    .optional();
            code.ifPresent(c -> jdbc.sql("UPDATE loyalty_vouchers SET code_shown_at = ? WHERE id = ?")
                    .params(Timestamps.utc(clock.instant()), id.get())
                    .update());
            return code;
        });
    }

    private Optional<UUID> voucherOf(String token) {
        return links.verify(token, clock.instant()).flatMap(Uuids::parse);
    }
}
