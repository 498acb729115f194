package org.socialbank.directory;

import java.util.Objects;

/**
 * Which module owns an operation confirmed on the step-up page, and the operation's id there.
 * The challenge stores it as one reference, {@code owner:id}; the outcome events and the page's
 * question to the owners carry it typed, so an owner compares its name and reads its own id,
 * never another module's.
 *
 * @param owner the owning module's name for its operations, e.g. {@code payment}; no {@code :} or {@code |}
 * @param id the operation's id in that module, as the module wrote it; may be empty; no {@code |}
 */
public record OperationRef(String owner, String id) {

    public OperationRef {
        Objects.requireNonNull(owner, "owner");
        Objects.requireNonNull(id, "id");
        if (owner.isBlank() || owner.contains(":") || owner.contains("|") || id.contains("|")) {
            throw new IllegalArgumentException(
                    "an operation's owner is not blank and has no ':' or '|'; its id has no '|'");
        }
    }

    /** The stored form: {@code owner:id}, or the owner alone for an operation without an id. */
    public String reference() {
        return id.isEmpty() ? owner : owner + ":" + id;
    }

    /** The operation a stored reference names: the owner up to the first {@code :}, the id after it. */
    public static OperationRef of(String reference) {
        int colon = reference.indexOf(':');
        return colon < 0
                ? new OperationRef(reference, "")
                : new OperationRef(reference.substring(0, colon), reference.substring(colon + 1));
    }

    /** Whether the operation is owned by {@code owner}. */
    public boolean ownedBy(String owner) {
        return this.owner.equals(owner);
    }
}
