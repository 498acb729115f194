package org.socialbank.campaigns;

import java.time.Instant;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.socialbank.shared.Network;

/**
 * This node's campaign paces (issue 17, 3.12): one per network, its share ({@code 1/nodes}) of the
 * platform's rate and daily cap, under the node's own pace over all networks. A round asks each
 * network separately, so a network out of budget (WhatsApp at its tier) holds back only its own
 * recipients; the order the networks are asked in turns each round, so that under the node's pace
 * none is always last.
 */
final class Paces {

    private final Pace node;
    private final Map<Network, Pace> networks = new EnumMap<>(Network.class);
    private final List<Network> order = List.of(Network.values());
    private int turn;

    Paces(CampaignsProperties properties) {
        this.node = new Pace(properties.messagesPerSecond(), properties.roundMax());
        int nodes = properties.nodes();
        properties
                .paces()
                .forEach((network, p) -> networks.put(
                        network, new Pace(p.perSecond() / nodes, properties.roundMax(), share(p.dailyMax(), nodes))));
    }

    /** A daily cap's share, at least one message when there is a cap at all. */
    private static int share(int dailyMax, int nodes) {
        return dailyMax == 0 ? 0 : Math.max(1, dailyMax / nodes);
    }

    /**
     * What a round may send now: at most {@code want} and the node's pace in all, and per network
     * what its own pace allows, in the order this round asks them in.
     */
    record Allowance(int total, Map<Network, Integer> perNetwork) {}

    synchronized Allowance take(Instant now, int want) {
        int total = node.take(now, want);
        Map<Network, Integer> per = new LinkedHashMap<>();
        if (total == 0) {
            return new Allowance(0, per);
        }
        for (int i = 0; i < order.size(); i++) {
            Network network = order.get((turn + i) % order.size());
            per.put(network, networks.get(network).take(now, total));
        }
        turn = (turn + 1) % order.size();
        return new Allowance(total, per);
    }

    /** Gives back what a round took but did not send, per network and in all. */
    synchronized void giveBack(Allowance taken, Map<Network, Integer> sent) {
        int sentAll = 0;
        for (Map.Entry<Network, Integer> e : taken.perNetwork().entrySet()) {
            int used = sent.getOrDefault(e.getKey(), 0);
            sentAll += used;
            networks.get(e.getKey()).giveBack(e.getValue() - used);
        }
        node.giveBack(taken.total() - sentAll);
    }
}
