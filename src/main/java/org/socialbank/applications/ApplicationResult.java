package org.socialbank.applications;

/** What a change did: the application (changed now, or already as asked), or a refusal with its code. */
public sealed interface ApplicationResult {

    record Done(Application application, boolean changed) implements ApplicationResult {}

    record Refused(ApplicationRefusal code) implements ApplicationResult {}
}
