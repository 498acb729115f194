package org.socialbank.conversation;

import com.fasterxml.jackson.annotation.JsonSubTypes;
import com.fasterxml.jackson.annotation.JsonTypeInfo;
import java.util.List;
import java.util.Objects;

/** What the bank says back, whatever the chat app: adapters render it in their own way. */
@JsonTypeInfo(use = JsonTypeInfo.Id.NAME, property = "kind")
@JsonSubTypes({@JsonSubTypes.Type(value = Outbound.Text.class, name = "text"),
        @JsonSubTypes.Type(value = Outbound.Buttons.class, name = "buttons"),
        @JsonSubTypes.Type(value = Outbound.Link.class, name = "link"),
        @JsonSubTypes.Type(value = Outbound.Receipt.class, name = "receipt")})
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
                throw new IllegalArgumentException("a reference is 1 to " + Inbound.REFERENCE_LENGTH_MAX + " characters");
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

    private static void requireText(String text, String name) {
        if (text == null || text.isBlank()) {
            throw new IllegalArgumentException(name + " is empty");
        }
    }
}
