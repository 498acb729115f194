package org.socialbank.conversation;

import com.fasterxml.jackson.annotation.JsonSubTypes;
import com.fasterxml.jackson.annotation.JsonTypeInfo;
import java.util.List;
import java.util.Objects;

/** What the bank says back, whatever the chat app: adapters render it in their own way. */
@JsonTypeInfo(use = JsonTypeInfo.Id.NAME, property = "kind")
@JsonSubTypes({
    @JsonSubTypes.Type(value = Outbound.Text.class, name = "text"),
    @JsonSubTypes.Type(value = Outbound.Buttons.class, name = "buttons"),
    @JsonSubTypes.Type(value = Outbound.Link.class, name = "link"),
    @JsonSubTypes.Type(value = Outbound.Receipt.class, name = "receipt"),
    @JsonSubTypes.Type(value = Outbound.Places.class, name = "places"),
    @JsonSubTypes.Type(value = Outbound.AskPhone.class, name = "ask_phone")
})
public sealed interface Outbound {

    int BUTTONS_MAX = 8;
    int LINES_MAX = 20;

    record Text(String text) implements Outbound {
        public Text {
            requireText(text, "text");
        }
    }

    /** A text with buttons; each button's reference is an opaque server-side key. */
    record Buttons(String text, List<Button> buttons) implements Outbound {
        public Buttons {
            requireText(text, "text");
            buttons = List.copyOf(buttons);
            if (buttons.isEmpty() || buttons.size() > BUTTONS_MAX) {
                throw new IllegalArgumentException("1 to " + BUTTONS_MAX + " buttons");
            }
        }
    }

    record Button(String label, String reference) {
        public Button {
            requireText(label, "label");
            Objects.requireNonNull(reference, "reference");
            if (reference.isEmpty() || reference.length() > Inbound.REFERENCE_LENGTH_MAX) {
                throw new IllegalArgumentException(
                        "a reference is 1 to " + Inbound.REFERENCE_LENGTH_MAX + " characters");
            }
        }
    }

    record Link(String text, String label, String url) implements Outbound {
        public Link {
            requireText(text, "text");
            requireText(label, "label");
            Objects.requireNonNull(url, "url");
            if (!url.startsWith("https://") && !url.startsWith("http://")) {
                throw new IllegalArgumentException("a link is an http(s) URL");
            }
        }
    }

    record Receipt(String title, List<String> lines) implements Outbound {
        public Receipt {
            requireText(title, "title");
            lines = List.copyOf(lines);
            if (lines.size() > LINES_MAX) {
                throw new IllegalArgumentException("at most " + LINES_MAX + " lines");
            }
        }
    }

    int PLACES_MAX = 10;

    /** A short list of places (branches, ATMs), nearest first; adapters may show them on a map. */
    record Places(String text, List<Place> places) implements Outbound {
        public Places {
            requireText(text, "text");
            places = List.copyOf(places);
            if (places.size() > PLACES_MAX) {
                throw new IllegalArgumentException("at most " + PLACES_MAX + " places");
            }
        }
    }

    /**
     * One place.
     *
     * @param detail a line under the name: address, opening hours, distance
     */
    record Place(String name, String detail, double lat, double lon) {
        public Place {
            requireText(name, "name");
            Objects.requireNonNull(detail, "detail");
            if (!(lat >= -90 && lat <= 90 && lon >= -180 && lon <= 180)) {
                throw new IllegalArgumentException("latitude -90..90, longitude -180..180");
            }
        }
    }

    /**
     * Asks the customer to share their own phone number: networks that can (Telegram's reply
     * keyboard with {@code request_contact}) show a one-tap button; the others show the text.
     */
    record AskPhone(String text, String label) implements Outbound {
        public AskPhone {
            requireText(text, "text");
            requireText(label, "label");
        }
    }

    private static void requireText(String text, String name) {
        if (text == null || text.isBlank()) {
            throw new IllegalArgumentException(name + " is empty");
        }
    }
}
