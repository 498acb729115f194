package org.socialbank.handoff;

/** Who speaks in a conversation: the bot, the queue (waiting for a person) or one agent. */
public sealed interface Owner {

    record Bot() implements Owner {}

    record Queue(CaseId caseId, String team) implements Owner {}

    record Agent(CaseId caseId, AgentId agent) implements Owner {}
}
