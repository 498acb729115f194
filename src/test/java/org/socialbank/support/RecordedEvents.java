package org.socialbank.support;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.stream.Stream;
import org.springframework.context.event.EventListener;

/** Every application event, whichever thread published it: declare it as a bean of a test context. */
public class RecordedEvents {

    private final List<Object> seen = new CopyOnWriteArrayList<>();

    @EventListener
    void on(Object event) {
        seen.add(event);
    }

    public <T> Stream<T> stream(Class<T> type) {
        return seen.stream().filter(type::isInstance).map(type::cast);
    }
}
