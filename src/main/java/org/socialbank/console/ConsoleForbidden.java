package org.socialbank.console;

/** A member of staff asked for something their roles do not allow; the console answers 403. */
public final class ConsoleForbidden extends RuntimeException {

    private final transient Permission missing;

    public ConsoleForbidden(Permission missing) {
        super("This needs the console permission " + missing.name() + ".");
        this.missing = missing;
    }

    public Permission missing() {
        return missing;
    }
}
