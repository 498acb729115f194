package org.socialbank.assistant;

import java.util.Locale;

/** Where the English blend's training is: waiting for the full models, training, then ready, off or failed. */
enum BlendStage {
    WAITING,
    TRAINING,
    READY,
    /** {@code encoder=none}: the TF-IDF model is English's last model. */
    OFF,
    FAILED;

    String wire() {
        return name().toLowerCase(Locale.ROOT);
    }
}
