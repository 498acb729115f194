package org.socialbank.console.dashboard;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.List;
import java.util.random.RandomGenerator;
import java.util.random.RandomGeneratorFactory;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.ObjectMapper;

/**
 * Issue 19, the dashboard's charts: the data island uPlot draws from (valid JSON, the same numbers
 * in order, nothing that closes its script element), and the no-script SVG's bars inside the view
 * box, heights in proportion.
 */
class BarChartUnitTests {

    @ParameterizedTest(name = "seed {0}")
    @ValueSource(longs = {1, 19, 42, 2026, 77_777})
    void barsStayInsideTheBoxAndKeepTheirOrder(long seed) {
        RandomGenerator random = RandomGeneratorFactory.of("L64X128MixRandom").create(seed);
        int n = 1 + random.nextInt(BarChart.BARS_MAX);
        List<String> labels = IntStream.range(0, n).mapToObj(i -> "b" + i).toList();
        List<Long> values = seededValues(random, n, 1_000_000);
        BarChart chart = BarChart.of(labels, values, 3);
        long max = values.stream().mapToLong(Long::longValue).max().orElse(0);
        assertThat(chart.max()).as("seed %d", seed).isEqualTo(Math.max(1, max));
        assertThat(chart.total())
                .isEqualTo(values.stream().mapToLong(Long::longValue).sum());
        assertThat(chart.highest()).isEqualTo(labels.get(values.indexOf(max)));
        int previousEnd = 0;
        for (int i = 0; i < n; i++) {
            BarChart.Bar bar = chart.bars().get(i);
            assertThat(bar.x()).as("seed %d bar %d", seed, i).isGreaterThanOrEqualTo(previousEnd);
            assertThat(bar.x() + bar.width()).isLessThanOrEqualTo(BarChart.WIDTH);
            assertThat(bar.y()).isBetween(0, BarChart.HEIGHT - BarChart.LABEL_ROOM);
            assertThat(bar.y() + bar.height()).isEqualTo(BarChart.HEIGHT - BarChart.LABEL_ROOM);
            assertThat(bar.height() > 0).isEqualTo(values.get(i) > 0);
            assertThat(bar.labelled()).isEqualTo(i % 3 == 0);
            previousEnd = bar.x() + bar.width();
        }
        BarChart.Bar tallest = chart.bars().get(values.indexOf(max));
        if (max > 0) {
            assertThat(tallest.height()).isEqualTo(BarChart.HEIGHT - BarChart.LABEL_ROOM);
        }
    }

    @ParameterizedTest(name = "seed {0}")
    @ValueSource(longs = {1, 19, 42, 2026, 77_777})
    void theDataIslandCarriesTheNumbersInOrder(long seed) {
        RandomGenerator random = RandomGeneratorFactory.of("L64X128MixRandom").create(seed);
        int n = 1 + random.nextInt(BarChart.BARS_MAX);
        long start = 1_764_633_600L + random.nextInt(1000) * 3600L;
        List<String> labels = IntStream.range(0, n)
                .mapToObj(i -> random.nextBoolean() ? "tele\"gram</script><!--" + i : "پرداخت " + i)
                .toList();
        List<Long> times =
                IntStream.range(0, n).mapToObj(i -> start + i * 3600L).toList();
        List<Long> values = seededValues(random, n, 1_000_000_000_000L);
        for (BarChart chart : List.of(BarChart.of(labels, values, 1), BarChart.timed(labels, times, values, 3))) {
            String json = chart.json();
            assertThat(json).as("seed %d", seed).doesNotContain("<", ">");
            JsonNode island = new ObjectMapper().readTree(json);
            boolean timed = !chart.times().isEmpty();
            assertThat(island.get("time").asBoolean()).isEqualTo(timed);
            for (int i = 0; i < n; i++) {
                assertThat(island.get("x").get(i).asLong())
                        .as("seed %d point %d", seed, i)
                        .isEqualTo(timed ? times.get(i) : i);
                assertThat(island.get("labels").get(i).asString()).isEqualTo(labels.get(i));
                assertThat(island.get("values").get(i).asLong()).isEqualTo(values.get(i));
            }
            assertThat(island.get("x")).hasSize(n);
            assertThat(island.get("values")).hasSize(n);
        }
    }

    /** n seeded values below valueMax, about a quarter of them zero. */
    private static List<Long> seededValues(RandomGenerator random, int n, long valueMax) {
        List<Long> values = new ArrayList<>(n);
        for (int i = 0; i < n; i++) {
            values.add(random.nextInt(4) == 0 ? 0 : random.nextLong(1, valueMax));
        }
        return values;
    }

    @Test
    void emptyAndInvalidCharts() {
        BarChart empty = BarChart.of(List.of(), List.of(), 1);
        assertThat(empty.bars()).isEmpty();
        assertThat(empty.total()).isZero();
        assertThat(empty.highest()).isEmpty();
        assertThat(empty.json()).isEqualTo("{\"time\":false,\"x\":[],\"labels\":[],\"values\":[]}");
        assertThatThrownBy(() -> BarChart.timed(List.of("a"), List.of(), List.of(1L), 1))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> BarChart.of(List.of("a"), List.of(-1L), 1))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> BarChart.of(List.of("a", "b"), List.of(1L), 1))
                .isInstanceOf(IllegalArgumentException.class);
    }
}
