package org.socialbank.console.web;

import org.socialbank.console.Permission;
import org.springframework.http.HttpMethod;
import org.springframework.security.config.annotation.web.configurers.AuthorizeHttpRequestsConfigurer;

/**
 * The permission each console address needs, checked by the filter chain before any controller
 * runs. Addresses not listed need a signed-in member of staff, and their controllers check more
 * with {@link org.socialbank.console.StaffMember#require}. The table is in {@code docs/console.md}.
 */
final class ConsoleEndpoints {

    static final String LOGIN = "/console/login";

    private ConsoleEndpoints() {}

    static void rules(AuthorizeHttpRequestsConfigurer<?>.AuthorizationManagerRequestMatcherRegistry auth) {
        auth.requestMatchers(LOGIN, LOGIN + "/**", "/console/assets/**")
                .permitAll()
                .requestMatchers("/console/audit", "/console/audit/**", "/console/audit.csv")
                .hasAuthority(Permission.AUDIT.authority())
                .requestMatchers("/console/staff", "/console/staff/**")
                .hasAuthority(Permission.STAFF.authority())
                .requestMatchers("/console/dashboard", "/console/dashboard.csv", "/console/dashboard/**")
                .hasAuthority(Permission.DASHBOARD.authority())
                .requestMatchers(
                        "/console/conversations", "/console/conversations/**", "/console/queues", "/console/queues/**")
                .hasAuthority(Permission.CONVERSATIONS.authority())
                .requestMatchers("/console/campaigns", "/console/campaigns/**")
                .hasAuthority(Permission.CAMPAIGNS.authority())
                .requestMatchers(HttpMethod.POST, "/console/listening", "/console/listening/**")
                .hasAuthority(Permission.LISTENING_ACT.authority())
                .requestMatchers("/console/listening", "/console/listening/**")
                .hasAuthority(Permission.LISTENING.authority())
                .anyRequest()
                .authenticated();
    }
}
