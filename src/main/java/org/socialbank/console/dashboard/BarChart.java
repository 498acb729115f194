package org.socialbank.console.dashboard;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * A bar chart laid out on the server, drawn by the page as inline SVG (issue 19: no chart library
 * is available offline, and an SVG needs no script, prints, and is easy to test). Coordinates are
 * whole numbers in a {@link #WIDTH} x {@link #HEIGHT} view box; the page scales it. The numbers
 * stay in a table beside the chart for screen readers and for copying.
 *
 * @param max the largest value (the top of the scale), at least 1
 * @param total the sum of the values
 * @param highest the label of the largest bar (the first one among equals), empty when there are none
 */
public record BarChart(List<Bar> bars, long max, long total, String highest) {

    public static final int WIDTH = 480;
    public static final int HEIGHT = 160;
    /** Room at the bottom for the labels. */
    static final int LABEL_ROOM = 20;
    /** Bars at most: a chart of more is unreadable; callers aggregate first. */
    static final int BARS_MAX = 48;

    /** One bar: its label, value, and where it is drawn. */
    public record Bar(String label, long value, int x, int y, int width, int height, boolean labelled) {
    }

    public BarChart {
        bars = List.copyOf(bars);
        Objects.requireNonNull(highest, "highest");
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
            bars.add(new Bar(labels.get(i), value, i * slot + (slot - width) / 2, plot - height, width, height,
                    i % labelEvery == 0));
        }
        return new BarChart(bars, max, total, values.isEmpty() ? "" : highest);
    }
}
