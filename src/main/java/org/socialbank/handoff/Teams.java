package org.socialbank.handoff;

import java.util.regex.Pattern;

/** A team's name: 1..32 of a-z, 0-9, '-' and '_' ("support", "fraud", "cards"). */
final class Teams {

    private static final Pattern NAME = Pattern.compile("[a-z0-9_-]{1,32}");

    private Teams() {}

    static boolean valid(String team) {
        return team != null && NAME.matcher(team).matches();
    }
}
