package org.socialbank.console.listening.web;

import java.util.LinkedHashMap;
import java.util.Map;
import org.socialbank.listening.Topics;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.ModelAttribute;

/** The names staff gave topics (wire name to name), for every listening page to show instead of the built-in ones. */
@ControllerAdvice(basePackageClasses = TopicNamesAdvice.class)
class TopicNamesAdvice {

    private final Topics topics;

    TopicNamesAdvice(Topics topics) {
        this.topics = topics;
    }

    @ModelAttribute("topicNames")
    Map<String, String> topicNames() {
        Map<String, String> names = new LinkedHashMap<>();
        topics.all().forEach(t -> t.name().ifPresent(n -> names.put(t.topic().wireName(), n)));
        return names;
    }
}
