package org.socialbank.directory;

import org.socialbank.shared.Network;

/**
 * A chat account's network data was erased at the network's request (a WeChat unsubscribe):
 * modules drop what they cached about it, keeping only the records banking law requires.
 */
public record IdentityForgotten(IdentityId identityId, Network channel) {}
