package org.socialbank.campaigns;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.socialbank.shared.SpreadsheetCells;

/** A campaign's statistics CSV puts its cells through the bank's one CSV-injection guard. */
class CampaignStatsCsvUnitTests {

    @Test
    @DisplayName("review 2026-12-07 console follow-up: the campaign CSV guards a \"=cmd\" cell with the one guard "
            + "the console's CSV uses, and writes ordinary cells byte for byte as before")
    void aFormulaCellIsGuardedOrdinaryCellsAreAsBefore() {
        Map<String, Map<String, Long>> states = new LinkedHashMap<>();
        states.put("A", Map.of("sent", 3L));
        states.put("=cmd", Map.of("+1", 2L));
        Campaigns.Stats stats = new Campaigns.Stats(
                UUID.randomUUID(),
                states,
                Map.of("B", Map.of("quiet_hours", 1L)),
                Map.of(),
                Map.of("A", Map.of("recipients", 2L, "clicks", 5L)),
                4,
                Map.of(),
                Map.of(),
                Map.of());

        String csv = CampaignStatsCsv.of(stats);

        assertThat(csv)
                .isEqualTo("variant,state,count\nA,sent,3\n'=cmd,'+1,2\n"
                        + "variant,reason,count\nB,quiet_hours,1\n"
                        + "variant,delivery,count\n"
                        + "variant,clicks,count\nA,clicks,5\nA,recipients,2\n"
                        + "variant,rewards,count\nall,rewards,4\n"
                        + "variant,conversion,count\n"
                        + "variant,button,count\n");
        // the guard the console's exports use too (console.web.Csv)
        assertThat(SpreadsheetCells.guarded("=cmd")).isEqualTo("'=cmd");
        assertThat(SpreadsheetCells.guarded("A")).isEqualTo("A");
    }
}
