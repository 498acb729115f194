package org.socialbank.conversation;

import com.fasterxml.jackson.annotation.JsonSubTypes;
import com.fasterxml.jackson.annotation.JsonTypeInfo;
import java.util.Objects;

/** What a customer sent, whatever the chat app: channel adapters map their wire formats to this. */
@JsonTypeInfo(use = JsonTypeInfo.Id.NAME, property = "kind")
@JsonSubTypes({
    @JsonSubTypes.Type(value = Inbound.Text.class, name = "text"),
    @JsonSubTypes.Type(value = Inbound.Button.class, name = "button"),
    @JsonSubTypes.Type(value = Inbound.Contact.class, name = "contact"),
    @JsonSubTypes.Type(value = Inbound.Location.class, name = "location"),
    @JsonSubTypes.Type(value = Inbound.Start.class, name = "start"),
    @JsonSubTypes.Type(value = Inbound.Stop.class, name = "stop"),
    @JsonSubTypes.Type(value = Inbound.Blocked.class, name = "blocked")
})
public sealed interface Inbound {

    /** The longest text accepted, in chars; a longer one is cut by the adapter or refused here. */
    int TEXT_LENGTH_MAX = 4_096;

    /** The reference of a button, opaque to the platform and the customer. */
    int REFERENCE_LENGTH_MAX = 64;

    /** The short name stored with the inbox row. */
    String kind();

    record Text(String text) implements Inbound {
        public Text {
            Objects.requireNonNull(text, "text");
            if (text.length() > TEXT_LENGTH_MAX) {
                throw new IllegalArgumentException("a text is at most " + TEXT_LENGTH_MAX + " characters");
            }
        }

        @Override
        public String kind() {
            return "text";
        }
    }

    /**
     * A button was pressed; the reference is checked against the server-side row, never trusted.
     *
     * @param typed what the customer typed that the channel read as this press (a choice number on
     *     X, whose DMs carry no buttons), null for a button pressed: while a person owns the
     *     conversation it is what the transcript shows, since she was talking to them
     */
    record Button(String reference, String typed) implements Inbound {
        public Button {
            Objects.requireNonNull(reference, "reference");
            if (reference.isEmpty() || reference.length() > REFERENCE_LENGTH_MAX) {
                throw new IllegalArgumentException(
                        "a button reference is 1 to " + REFERENCE_LENGTH_MAX + " characters");
            }
            if (typed != null && typed.length() > TEXT_LENGTH_MAX) {
                throw new IllegalArgumentException("a text is at most " + TEXT_LENGTH_MAX + " characters");
            }
        }

        /** A button pressed. */
        public Button(String reference) {
            this(reference, null);
        }

        @Override
        public String kind() {
            return "button";
        }
    }

    /**
     * A shared phone contact.
     *
     * @param own whether the network vouches that it is the sender's own number (Telegram's
     *     {@code contact.user_id == from.id}, a WhatsApp {@code wa_id})
     */
    record Contact(String phone, boolean own) implements Inbound {
        public Contact {
            Objects.requireNonNull(phone, "phone");
            if (phone.isBlank() || phone.length() > 32) {
                throw new IllegalArgumentException("a contact's phone is 1 to 32 characters");
            }
        }

        @Override
        public String kind() {
            return "contact";
        }
    }

    record Location(double lat, double lon) implements Inbound {
        public Location {
            if (!(lat >= -90 && lat <= 90 && lon >= -180 && lon <= 180)) {
                throw new IllegalArgumentException("latitude -90..90, longitude -180..180");
            }
        }

        @Override
        public String kind() {
            return "location";
        }
    }

    /** The customer opened the chat with the bank ({@code /start}). */
    record Start() implements Inbound {
        @Override
        public String kind() {
            return "start";
        }
    }

    /** The customer asked the bot to stop writing. */
    record Stop() implements Inbound {
        @Override
        public String kind() {
            return "stop";
        }
    }

    /** The network said the customer blocked the bot. */
    record Blocked() implements Inbound {
        @Override
        public String kind() {
            return "blocked";
        }
    }
}
