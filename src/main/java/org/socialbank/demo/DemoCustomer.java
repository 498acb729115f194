package org.socialbank.demo;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.UUID;
import org.socialbank.directory.CustomerId;

/**
 * A customer of the demo bank. The credentials are public demo data, printed in the README.
 *
 * @param key a short stable name used to derive the demo's fixed ids
 * @param language the customer's preferred language (en, fr, ru, fa, zh)
 * @param wallets the currencies the customer holds, each with its opening balance in minor units
 */
public record DemoCustomer(
        String key,
        String displayName,
        String language,
        String username,
        String password,
        String phone,
        String email,
        String tag,
        List<Wallet> wallets) {

    public CustomerId customerId() {
        return new CustomerId(
                UUID.nameUUIDFromBytes(("socialbank-demo:customer:" + key).getBytes(StandardCharsets.UTF_8)));
    }

    public record Wallet(String currency, long openingMinor) {}
}
