/**
 * The shared kernel: the languages the bank speaks and the networks it chats on, currencies and
 * their minor units, money and dates as a customer reads them,
 * the commit-durability barrier, an outside provider's answer ({@code ProviderAnswer}: succeeded,
 * failed or unknown), demo mode's switch, which outbound messages are marketing
 * ({@code MarketingMessages}, issue 17), the secrets no chat may carry ({@code Secrets}), what a
 * public channel may show ({@code PublicText}), the one guard of CSV cells against formula injection
 * ({@code SpreadsheetCells}), and the HTTP plumbing every module's API shares
 * (problem+json, request size limits, strict JSON).
 */
@org.springframework.modulith.ApplicationModule(type = org.springframework.modulith.ApplicationModule.Type.OPEN)
package org.socialbank.shared;
