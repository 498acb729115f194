package org.socialbank.billing;

/**
 * A bill saved under a name (issue 15 s1): the name and the bill id (the subscriber), or why it
 * was not saved ({@code code}: {@code no_recent_bill}, {@code name_invalid}).
 */
public record BillSaved(String name, String billId, String code) {

    public boolean saved() {
        return code == null;
    }
}
