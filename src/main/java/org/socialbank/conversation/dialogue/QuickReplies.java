package org.socialbank.conversation.dialogue;

import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.socialbank.conversation.Outbound;
import org.socialbank.conversation.dialogue.Dialogue.Step;
import org.socialbank.shared.Language;
import org.socialbank.shared.Network;

/**
 * The help and the buttons for the likely next steps (issue 13): quick replies where the network
 * shows them, the WhatsApp menu as one list message, a group chat's own help in a group. A press
 * does what typing its command would ({@link Bank#QUICK_REPLY}).
 */
final class QuickReplies {

    /**
     * Networks whose group chats are answered in the group as written: there the help is the
     * group's own, since the private one's examples hold amounts and a group is shown no number and
     * no money ({@code shared.PublicText}, which their sender applies again). On X an answer to a
     * public post that is not one neutral line goes by direct message, where the full help fits.
     */
    static final Set<Network> GROUP_CHATS = EnumSet.of(Network.TELEGRAM, Network.BALE);

    /** The main actions of the WhatsApp menu, in its order: what each row does is {@link #MENU_COMMANDS}. */
    static final List<String> MENU =
            List.of("balance", "history", "pay", "requests", "limits", "spending", "account", "branches");

    /** What each row of the WhatsApp menu does beyond the quick replies: the command, as typed. */
    static final Map<String, String> MENU_COMMANDS = Map.of(
            "limits",
            "my limits",
            "spending",
            "spending this month",
            "account",
            "my account number",
            "branches",
            "branches");

    /** Networks whose messages carry tappable quick replies: Telegram's and Bale's inline keyboards, the web chat's chips. */
    static final Set<Network> QUICK_REPLIES = EnumSet.of(Network.TELEGRAM, Network.BALE, Network.WEBCHAT);

    /** What each quick reply does: the command it stands for, as typed. */
    static final Map<String, String> QUICK_COMMANDS = Map.of(
            "balance",
            "balance",
            "history",
            "history",
            "more",
            "more",
            "pay",
            "pay",
            "request",
            "request",
            "requests",
            "my requests");

    private final Texts texts;

    QuickReplies(Texts texts) {
        this.texts = texts;
    }

    /** The command a quick reply or a menu row stands for, as typed; null for a name that is neither. */
    static String command(String name) {
        return QUICK_COMMANDS.getOrDefault(name, MENU_COMMANDS.get(name));
    }

    /** A Telegram or Bale group, where the engine's answers are posted as written ({@link #GROUP_CHATS}). */
    static boolean groupChat(Turn turn, boolean inGroup) {
        return inGroup && GROUP_CHATS.contains(turn.channel());
    }

    /** The help, with quick replies for the first steps in a private chat; a group chat's own in a group. */
    Step help(Turn turn, Language language, boolean inGroup) {
        if (groupChat(turn, inGroup)) {
            return say(turn, language, "conversation.help.group").shared();
        }
        Step help = say(turn, language, "conversation.help").shared();
        if (!inGroup && turn.channel() == Network.WHATSAPP) {
            return menu(help, turn, language);
        }
        return inGroup ? help : quick(help, turn, language, List.of("balance", "history", "requests"));
    }

    /**
     * Issue 13 §4: WhatsApp has no persistent menu, so "menu" and "help" there answer with the help
     * as one list message whose rows are the main actions (the channel draws more than three
     * buttons as a list, within Meta's limits: 10 rows, 24-character titles).
     */
    private Step menu(Step help, Turn turn, Language language) {
        String text = ((Outbound.Text) help.replies().get(0)).text();
        List<Outbound.Button> rows =
                MENU.stream().map(name -> button(turn, language, name)).toList();
        return new Step(help.state(), List.of(new Outbound.Buttons(text, rows)), language);
    }

    /** A quick reply's button: its label in the language; a press does what typing its command would. */
    Outbound.Button button(Turn turn, Language language, String name) {
        return new Outbound.Button(
                texts.text(language, "conversation.quick." + name), turn.bank().button(Bank.QUICK_REPLY + name, 0));
    }

    /**
     * Issue 13: the answer's text with buttons for the likely next steps, where the network shows
     * them; a press does what typing the command would ({@link Bank#QUICK_REPLY}).
     */
    Step quick(Step step, Turn turn, Language language, List<String> names) {
        if (!QUICK_REPLIES.contains(turn.channel())
                || step.replies().size() != 1
                || !(step.replies().get(0) instanceof Outbound.Text text)) {
            return step;
        }
        List<Outbound.Button> buttons =
                names.stream().map(name -> button(turn, language, name)).toList();
        return new Step(
                step.state(), List.of(new Outbound.Buttons(text.text(), buttons)), step.language(), step.shareable());
    }

    static List<String> messageKeys() {
        return List.of(
                "conversation.help",
                "conversation.help.group",
                "conversation.quick.balance",
                "conversation.quick.history",
                "conversation.quick.more",
                "conversation.quick.pay",
                "conversation.quick.request",
                "conversation.quick.requests",
                "conversation.quick.limits",
                "conversation.quick.spending",
                "conversation.quick.account",
                "conversation.quick.branches");
    }

    private Step say(Turn turn, Language language, String key) {
        return new Step(turn.state(), List.of(new Outbound.Text(texts.text(language, key))), language);
    }
}
