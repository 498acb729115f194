package org.socialbank.shared.web;

import java.lang.reflect.RecordComponent;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import org.socialbank.shared.web.OpenApiOperation.Kind;
import org.springframework.beans.BeanUtils;
import org.springframework.core.MethodParameter;
import org.springframework.web.bind.annotation.CookieValue;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestMethod;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.method.HandlerMethod;
import org.springframework.web.servlet.mvc.method.RequestMappingInfo;
import org.springframework.web.servlet.mvc.method.annotation.RequestMappingHandlerMapping;

/**
 * One page address as the running application maps it: a method, a path pattern, and what its
 * handler reads from the request ({@code @PathVariable}, {@code @RequestParam}, and the members
 * of a form object), each with the kind of value it expects. {@link #all} takes them from the
 * live {@link RequestMappingHandlerMapping}, so a page added tomorrow is in the next run.
 */
record PageRoute(String method, String pattern, Map<String, Field> path, Map<String, Field> fields) {

    /** Addresses that are not pages: the API (its own fuzz), its documentation, the actuator. */
    static final List<String> NOT_PAGES = List.of("/api/", "/actuator", "/v3/api-docs", "/swagger-ui");

    /**
     * Server-sent event streams stay open by design (minutes); their refusals have their own
     * tests (web chat, conversation queue). Any other answer slower than the fuzz's timeout fails.
     */
    static final Set<String> STREAMS = Set.of("/chat/stream", "/console/conversations/events");

    /** Parameters Spring fills from the request itself, the session or the model, not from the reader. */
    private static final Set<String> FRAMEWORK_PACKAGES =
            Set.of("jakarta.", "java.security.", "java.util.Locale", "org.springframework.", "java.io.");

    /** Something the handler reads: its kind, and a plausible value (a text for URL or form). */
    record Field(String name, Kind kind, String plausible) {}

    @Override
    public String toString() {
        return method + " " + pattern;
    }

    boolean console() {
        return pattern.equals("/console") || pattern.startsWith("/console/");
    }

    boolean writes() {
        return !method.equals("GET");
    }

    /**
     * Every page route of the application, sign-in and sign-out last (they may end the fuzz's
     * console session), then by path and method.
     */
    static List<PageRoute> all(RequestMappingHandlerMapping mappings) {
        List<PageRoute> routes = new ArrayList<>();
        for (Map.Entry<RequestMappingInfo, HandlerMethod> entry :
                mappings.getHandlerMethods().entrySet()) {
            Set<RequestMethod> methods = entry.getKey().getMethodsCondition().getMethods();
            for (String pattern : entry.getKey().getPatternValues()) {
                if (NOT_PAGES.stream().anyMatch(pattern::startsWith) || STREAMS.contains(pattern)) {
                    continue;
                }
                for (RequestMethod method : methods.isEmpty() ? Set.of(RequestMethod.GET) : methods) {
                    routes.add(of(method.name(), pattern, entry.getValue()));
                }
            }
        }
        routes.sort(Comparator.comparing((PageRoute r) -> r.pattern().startsWith("/console/log"))
                .thenComparing(PageRoute::pattern)
                .thenComparing(PageRoute::method));
        return routes;
    }

    private static PageRoute of(String method, String pattern, HandlerMethod handler) {
        Map<String, Field> path = new LinkedHashMap<>();
        Map<String, Field> fields = new LinkedHashMap<>();
        for (MethodParameter parameter : handler.getMethodParameters()) {
            PathVariable variable = parameter.getParameterAnnotation(PathVariable.class);
            RequestParam param = parameter.getParameterAnnotation(RequestParam.class);
            if (variable != null) {
                String name = named(variable.name(), variable.value(), parameter);
                path.put(name, field(name, parameter.getParameterType()));
            } else if (param != null) {
                if (!Map.class.isAssignableFrom(parameter.getParameterType())) {
                    String name = named(param.name(), param.value(), parameter);
                    fields.put(name, field(name, parameter.getParameterType()));
                }
            } else if (readsForm(parameter)) {
                formMembers(parameter, fields);
            }
        }
        for (String name : variables(pattern)) {
            path.putIfAbsent(name, field(name, String.class));
        }
        return new PageRoute(method, pattern, path, fields);
    }

    private static boolean readsForm(MethodParameter parameter) {
        if (parameter.hasParameterAnnotation(RequestHeader.class)
                || parameter.hasParameterAnnotation(CookieValue.class)
                || parameter.hasParameterAnnotation(RequestBody.class)
                || parameter.getParameterAnnotations().length > 0
                        && !parameter.hasParameterAnnotation(ModelAttribute.class)) {
            return false;
        }
        String type = parameter.getParameterType().getName();
        return FRAMEWORK_PACKAGES.stream().noneMatch(type::startsWith);
    }

    /** A simple value Spring binds by its name, or the members of a form object. */
    private static void formMembers(MethodParameter parameter, Map<String, Field> fields) {
        Class<?> type = parameter.getParameterType();
        if (BeanUtils.isSimpleProperty(type)) {
            String name = parameter.getParameterName();
            if (name != null) {
                fields.put(name, field(name, type));
            }
        } else if (type.isRecord()) {
            for (RecordComponent component : type.getRecordComponents()) {
                fields.put(component.getName(), field(component.getName(), component.getType()));
            }
        } else {
            for (var property : BeanUtils.getPropertyDescriptors(type)) {
                if (property.getWriteMethod() != null) {
                    fields.put(property.getName(), field(property.getName(), property.getPropertyType()));
                }
            }
        }
    }

    private static String named(String name, String value, MethodParameter parameter) {
        if (!name.isEmpty()) {
            return name;
        }
        return value.isEmpty() ? parameter.getParameterName() : value;
    }

    /** The names of a pattern's variables: {@code {token}}, {@code {id:[0-9]+}}, {@code {*rest}}. */
    static List<String> variables(String pattern) {
        List<String> names = new ArrayList<>();
        for (int open = pattern.indexOf('{'); open >= 0; open = pattern.indexOf('{', open + 1)) {
            String inside = pattern.substring(open + 1, pattern.indexOf('}', open));
            int colon = inside.indexOf(':');
            names.add((colon < 0 ? inside : inside.substring(0, colon)).replace("*", ""));
        }
        return names;
    }

    /** The pattern with each variable replaced by its text (already percent-encoded). */
    String path(Map<String, String> values) {
        StringBuilder path = new StringBuilder();
        int from = 0;
        for (int open = pattern.indexOf('{'); open >= 0; open = pattern.indexOf('{', from)) {
            int close = pattern.indexOf('}', open);
            String inside = pattern.substring(open + 1, close);
            int colon = inside.indexOf(':');
            String name = (colon < 0 ? inside : inside.substring(0, colon)).replace("*", "");
            path.append(pattern, from, open).append(values.get(name));
            from = close + 1;
        }
        return path.append(pattern.substring(from)).toString();
    }

    private static Field field(String name, Class<?> type) {
        Kind kind = kind(type);
        return new Field(name, kind, plausible(name, kind, type));
    }

    static Kind kind(Class<?> type) {
        if (type == UUID.class) {
            return Kind.UUID;
        }
        if (type == Instant.class
                || type == OffsetDateTime.class
                || type == ZonedDateTime.class
                || type == LocalDateTime.class) {
            return Kind.INSTANT;
        }
        if (type == LocalDate.class) {
            return Kind.DATE;
        }
        if (type == int.class
                || type == long.class
                || type == short.class
                || type == Integer.class
                || type == Long.class
                || type == Short.class
                || type == BigInteger.class) {
            return Kind.INTEGER;
        }
        if (type == double.class || type == float.class || type == Double.class || type == BigDecimal.class) {
            return Kind.NUMBER;
        }
        if (type == boolean.class || type == Boolean.class) {
            return Kind.BOOLEAN;
        }
        if (type.isEnum()) {
            return Kind.ENUM;
        }
        if (type.isArray() || Collection.class.isAssignableFrom(type)) {
            return Kind.ARRAY;
        }
        return Kind.STRING;
    }

    /** A value the handler would accept as to its form, so that the one bad value is what it meets. */
    private static String plausible(String name, Kind kind, Class<?> type) {
        String lower = name.toLowerCase(java.util.Locale.ROOT);
        return switch (kind) {
            case UUID -> "6f1c2a3e-6a4b-4c1d-9e2f-0a1b2c3d4e5f";
            case INSTANT -> "2026-12-07T10:00:00Z";
            case DATE -> "2026-12-07";
            case INTEGER, NUMBER -> lower.endsWith("minor") ? "100" : "1";
            case BOOLEAN -> "false";
            case ENUM -> type.getEnumConstants()[0].toString();
            default -> plainString(lower);
        };
    }

    private static String plainString(String lower) {
        if (lower.contains("currency")) {
            return "EUR";
        }
        if (lower.contains("locale") || lower.contains("lang")) {
            return "en";
        }
        if (lower.contains("phone")) {
            return "%2B33611111111";
        }
        if (lower.contains("email")) {
            return "fuzz%40example.org";
        }
        if (lower.contains("amount")) {
            return "12.50";
        }
        return "fuzz";
    }
}
