package org.socialbank.campaigns;

import java.util.Map;
import java.util.TreeMap;
import org.socialbank.shared.SpreadsheetCells;

/**
 * A campaign's statistics as CSV, the one producer for the campaigns API and the console's report.
 * A cell a spreadsheet would run as a formula gets a leading apostrophe, by the bank's one guard
 * ({@link SpreadsheetCells}, OWASP CSV injection); the variants, codes and counts never start so.
 */
public final class CampaignStatsCsv {

    private CampaignStatsCsv() {}

    /**
     * {@code variant,state,count} rows, then {@code variant,reason,count} rows, then
     * {@code variant,delivery,count} (what the platforms said of the messages sent) and
     * {@code variant,clicks,count} ({@code recipients} who pressed the link, {@code clicks} in all),
     * the rewards (then {@code all,refused:<reason>,count} for the cashbacks the ledger refused), {@code variant,conversion,count} (applications started after the message) and
     * {@code variant,button,count} ({@code 1.recipients}, {@code 1.clicks}: presses of the campaign's own buttons).
     */
    public static String of(Campaigns.Stats stats) {
        StringBuilder out = new StringBuilder();
        section(out, "state", stats.states(), false);
        section(out, "reason", stats.reasons(), false);
        section(out, "delivery", stats.delivery(), false);
        section(out, "clicks", stats.clicks(), true);
        out.append("variant,rewards,count\nall,rewards,")
                .append(stats.rewards())
                .append('\n');
        stats.rewardsRefused()
                .forEach((reason, count) -> out.append("all,refused:")
                        .append(reason)
                        .append(',')
                        .append(count)
                        .append('\n'));
        section(out, "conversion", stats.conversions(), false);
        section(out, "button", stats.buttons(), false);
        return out.toString();
    }

    /** {@code variant,<what>,count} and a row per variant and key, the keys sorted when {@code sorted}. */
    private static void section(StringBuilder out, String what, Map<String, Map<String, Long>> rows, boolean sorted) {
        out.append("variant,").append(what).append(",count\n");
        rows.forEach((variant, counts) -> (sorted ? new TreeMap<>(counts) : counts)
                .forEach((key, n) -> out.append(SpreadsheetCells.guarded(variant))
                        .append(',')
                        .append(SpreadsheetCells.guarded(key))
                        .append(',')
                        .append(n)
                        .append('\n')));
    }
}
