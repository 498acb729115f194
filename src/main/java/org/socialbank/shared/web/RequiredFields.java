package org.socialbank.shared.web;

import java.util.ArrayList;
import java.util.List;

/**
 * The members a JSON body must have: a request without them is a 400 problem+json naming them
 * ("missing: id, customerId"), as a {@link BadRequest}.
 */
public final class RequiredFields {

    private RequiredFields() {}

    /** Pairs of (value, name): the names of the null values, in order. */
    public static List<String> missing(Object... valueNamePairs) {
        List<String> names = new ArrayList<>();
        for (int i = 0; i < valueNamePairs.length; i += 2) {
            if (valueNamePairs[i] == null) {
                names.add((String) valueNamePairs[i + 1]);
            }
        }
        return names;
    }

    /** Refuses the request when a member is missing. */
    public static void require(List<String> missing) {
        if (!missing.isEmpty()) {
            throw new BadRequest("missing: " + String.join(", ", missing));
        }
    }

    /** Refuses the request when one of the (value, name) pairs' values is null. */
    public static void require(Object... valueNamePairs) {
        require(missing(valueNamePairs));
    }
}
