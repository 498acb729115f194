package org.socialbank.campaigns;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Map;
import org.junit.jupiter.api.Test;
import org.socialbank.shared.CurrencyCode;
import org.socialbank.shared.Network;

/** Issue 17 3.6 and 3.17: a campaign's own buttons against each network's limits, and its rewards' bounds. */
class CampaignButtonUnitTests {

    @Test
    void aLabelFitsTheNetworkItGoesToAndEveryNetworkKeepsToWhatsAppsTwenty() {
        CampaignButton long25 = new CampaignButton(Map.of("en", "Your balance, right here"), null, "balance");
        assertThat(long25.problem(Network.TELEGRAM)).isNull();
        assertThat(long25.problem(Network.WHATSAPP)).isEqualTo("button_label_invalid");
        assertThat(long25.problem(null)).as("every private network").isEqualTo("button_label_invalid");
        assertThat(new CampaignButton(Map.of("fr", "Solde"), null, "balance").problem(Network.TELEGRAM))
                .as("en is required")
                .isEqualTo("button_label_invalid");
        assertThat(new CampaignButton(Map.of("en", "Two\nlines"), null, "balance").problem(Network.TELEGRAM))
                .isEqualTo("button_label_invalid");
        assertThat(new CampaignButton(Map.of("en", "余额", "zh", "查看余额"), null, "balance").problem(Network.WECHAT))
                .isNull();
    }

    @Test
    void aButtonOpensAnHttpsAddressOrDoesAKnownActionNeverBothOrNeither() {
        Map<String, String> label = Map.of("en", "Rates");
        assertThat(new CampaignButton(label, "https://bank.example/rates", null).problem(Network.BALE))
                .isNull();
        assertThat(new CampaignButton(label, "http://bank.example/rates", null).problem(Network.BALE))
                .isEqualTo("button_link_invalid");
        assertThat(new CampaignButton(label, "javascript:alert(1)", null).problem(Network.BALE))
                .isEqualTo("button_link_invalid");
        assertThat(new CampaignButton(label, null, "send everything").problem(Network.BALE))
                .isEqualTo("button_action_unknown");
        assertThat(new CampaignButton(label, "https://bank.example", "balance").problem(Network.BALE))
                .isEqualTo("button_action_unknown");
        assertThat(new CampaignButton(label, null, null).problem(Network.BALE)).isEqualTo("button_action_unknown");
    }

    @Test
    void aLabelIsShownInHerLanguageElseInEnglish() {
        CampaignButton b = new CampaignButton(Map.of("en", "Rates", "fr", "Taux"), null, "balance");
        assertThat(b.label("fr")).isEqualTo("Taux");
        assertThat(b.label("fa")).isEqualTo("Rates");
    }

    @Test
    void pointsAndReferralsHaveTheirBounds() {
        assertThat(new CampaignReward("bill", 250, CurrencyCode.POINTS, 30).points())
                .isTrue();
        assertThat(new CampaignReward("bill", 500, CurrencyCode.of("EUR"), 30).points())
                .isFalse();
        assertThatThrownBy(() -> new CampaignReward("bill", CampaignReward.POINTS_MAX + 1, CurrencyCode.POINTS, 30))
                .hasMessage("reward_invalid");
        assertThatThrownBy(() -> new CampaignReward.Referral(true, 0)).hasMessage("reward_invalid");
        assertThatThrownBy(() -> new CampaignReward.Referral(true, CampaignReward.Referral.PER_REFERRER_MAX + 1))
                .hasMessage("reward_invalid");
    }
}
