package org.socialbank.directory;

/**
 * A customer's name as shown to someone about to pay them: enough to recognise a friend, not
 * enough to learn a stranger's full name. "Bob Brown" → "Bob B.", "Борис Иванов" → "Б. Иванов",
 * "王芳" → "王*".
 */
public final class MaskedName {

    private MaskedName() {}

    public static String of(String displayName) {
        String name = displayName.strip();
        if (name.isEmpty()) {
            return "";
        }
        int first = name.codePointAt(0);
        if (Character.UnicodeScript.of(first) == Character.UnicodeScript.HAN) {
            int rest = name.codePointCount(0, name.length()) - 1;
            return new String(Character.toChars(first)) + "*".repeat(Math.max(1, rest));
        }
        String[] words = name.split("\\s+");
        if (words.length == 1) {
            return words[0].length() <= 2 ? words[0] : words[0].substring(0, 2) + "…";
        }
        String last = words[words.length - 1];
        if (Character.UnicodeScript.of(first) == Character.UnicodeScript.CYRILLIC) {
            return initial(words[0]) + ". " + last; // Russian usage: initial, then surname
        }
        return words[0] + " " + initial(last) + ".";
    }

    private static String initial(String word) {
        return new String(Character.toChars(word.codePointAt(0)));
    }
}
