package org.socialbank.directory;

/** Outcomes of directory writes: a business "no" is a value with a stable code. */
public sealed interface DirectoryResult {

    /** Done; {@code replayed} when the same request had done it before. */
    record Done(CustomerView customer, boolean replayed) implements DirectoryResult {}

    record Refused(Code code) implements DirectoryResult {}

    enum Code {
        ID_EXISTS_WITH_DIFFERENT_FIELDS,
        USERNAME_TAKEN,
        ALIAS_TAKEN,
        CUSTOMER_NOT_FOUND,
        ACCOUNT_NOT_FOUND,
        ACCOUNT_HELD_BY_ANOTHER,
        /** The customer does not hold the alias (staff release it). */
        ALIAS_NOT_HELD;

        public String code() {
            return name().toLowerCase(java.util.Locale.ROOT);
        }
    }
}
