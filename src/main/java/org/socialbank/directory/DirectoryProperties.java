package org.socialbank.directory;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Settings of the directory, validated at start-up.
 *
 * @param lookupsPerMinute alias lookups one caller may make per minute on one node
 * @param lookupCallersMax callers whose lookup allowance one node remembers at once
 * @param pageMax most customers one page of the customer list returns
 */
@ConfigurationProperties("socialbank.directory")
public record DirectoryProperties(
        @DefaultValue("30") int lookupsPerMinute,
        @DefaultValue("10000") int lookupCallersMax,
        @DefaultValue("200") int pageMax) {

    public DirectoryProperties {
        if (lookupsPerMinute < 1 || lookupsPerMinute > 10_000) {
            throw new IllegalArgumentException("socialbank.directory.lookups-per-minute must be 1..10000");
        }
        if (lookupCallersMax < 100 || lookupCallersMax > 1_000_000) {
            throw new IllegalArgumentException("socialbank.directory.lookup-callers-max must be 100..1000000");
        }
        if (pageMax < 1 || pageMax > 1000) {
            throw new IllegalArgumentException("socialbank.directory.page-max must be 1..1000");
        }
    }
}
