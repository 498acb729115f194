package org.socialbank.console.dashboard;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * A bar chart's numbers (issue 19): the page draws it with uPlot (the webjar, ADR 0014) from
 * {@link #json()}, a data island rendered in the same fragment as the table beneath it, so the
 * dashboard's htmx refresh swaps both together. The bars laid out here in a {@link #WIDTH} x
 * {@link #HEIGHT} view box are the inline SVG the page shows without JavaScript ({@code <noscript>}).
 *
 * @param times where each bar starts, in seconds since the epoch, for a time series; empty for
 *        categories (the x values are then 0, 1, 2...)
 * @param max the largest value (the top of the scale), at least 1
 * @param total the sum of the values
 * @param highest the label of the largest bar (the first one among equals), empty when there are none
 */
public record BarChart(List<Bar> bars, List<Long> times, long max, long total, String highest) {

    public static final int WIDTH = 480;
    public static final int HEIGHT = 160;
    /** Room at the bottom for the labels. */
    static final int LABEL_ROOM = 20;
    /** Bars at most: a chart of more is unreadable; callers aggregate first. */
    static final int BARS_MAX = 48;

    /** One bar: its label, value, and where it is drawn. */
    public record Bar(String label, long value, int x, int y, int width, int height, boolean labelled) {}

    public BarChart {
        bars = List.copyOf(bars);
        times = List.copyOf(times);
        if (!times.isEmpty() && times.size() != bars.size()) {
            throw new IllegalArgumentException("one time per bar, or none");
        }
        Objects.requireNonNull(highest, "highest");
    }

    /**
     * The data island uPlot draws from: {@code {"time":..,"x":[..],"labels":[..],"values":[..]}};
     * {@code <} is written as {@code \\u003c}, so a label cannot close the {@code <script>} element.
     */
    public String json() {
        StringBuilder json = new StringBuilder(64 + bars.size() * 24);
        json.append("{\"time\":").append(!times.isEmpty()).append(",\"x\":[");
        for (int i = 0; i < bars.size(); i++) {
            json.append(i == 0 ? "" : ",").append(times.isEmpty() ? i : times.get(i));
        }
        json.append("],\"labels\":[");
        for (int i = 0; i < bars.size(); i++) {
            json.append(i == 0 ? "" : ",");
            string(json, bars.get(i).label());
        }
        json.append("],\"values\":[");
        for (int i = 0; i < bars.size(); i++) {
            json.append(i == 0 ? "" : ",").append(bars.get(i).value());
        }
        return json.append("]}").toString();
    }

    private static void string(StringBuilder json, String text) {
        json.append('"');
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            switch (c) {
                case '"' -> json.append("\\\"");
                case '\\' -> json.append("\\\\");
                default -> {
                    if (c < 0x20 || c == '<' || c == '>' || c == '&' || c == 0x2028 || c == 0x2029) {
                        json.append(String.format("\\u%04x", (int) c));
                    } else {
                        json.append(c);
                    }
                }
            }
        }
        json.append('"');
    }

    /** The SVG view box, {@code 0 0 WIDTH HEIGHT}. */
    public String viewBox() {
        return "0 0 " + WIDTH + " " + HEIGHT;
    }

    /** Where the labels' baseline is. */
    public int labelY() {
        return HEIGHT - 5;
    }

    /**
     * Lays out one bar per value, in order. {@code labelEvery}: every n-th bar shows its label under
     * it (all of them keep it in their tooltip), so 24 hours do not overlap.
     */
    public static BarChart of(List<String> labels, List<Long> values, int labelEvery) {
        return laidOut(labels, List.of(), values, labelEvery);
    }

    /** A time series: as {@link #of}, and each bar starts at {@code times} (seconds since the epoch). */
    public static BarChart timed(List<String> labels, List<Long> times, List<Long> values, int labelEvery) {
        if (times.size() != values.size()) {
            throw new IllegalArgumentException("one time per value");
        }
        return laidOut(labels, times, values, labelEvery);
    }

    private static BarChart laidOut(List<String> labels, List<Long> times, List<Long> values, int labelEvery) {
        if (labels.size() != values.size() || labels.size() > BARS_MAX || labelEvery < 1) {
            throw new IllegalArgumentException("one label per value, at most " + BARS_MAX + " bars");
        }
        long max = 1;
        long total = 0;
        String highest = "";
        long highestValue = -1;
        for (int i = 0; i < values.size(); i++) {
            long value = values.get(i);
            if (value < 0) {
                throw new IllegalArgumentException("a bar's value cannot be negative");
            }
            total += value;
            max = Math.max(max, value);
            if (value > highestValue) {
                highestValue = value;
                highest = labels.get(i);
            }
        }
        List<Bar> bars = new ArrayList<>(values.size());
        int n = Math.max(1, values.size());
        int slot = WIDTH / n;
        int width = Math.max(1, slot * 3 / 4);
        int plot = HEIGHT - LABEL_ROOM;
        for (int i = 0; i < values.size(); i++) {
            long value = values.get(i);
            int height = (int) (value * plot / max);
            if (value > 0 && height == 0) {
                height = 1; // a small number is still visible
            }
            bars.add(new Bar(
                    labels.get(i),
                    value,
                    i * slot + (slot - width) / 2,
                    plot - height,
                    width,
                    height,
                    i % labelEvery == 0));
        }
        return new BarChart(bars, times, max, total, values.isEmpty() ? "" : highest);
    }
}
