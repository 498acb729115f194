/**
 * The demo bank: on a demo node's first start, the bank's own accounts per currency and five
 * customers (English, French, Russian, Persian, Chinese) with funded wallets. Seeding uses fixed
 * ids, so a restart books nothing twice.
 */
@org.springframework.modulith.ApplicationModule(displayName = "Demo bank")
package org.socialbank.demo;
