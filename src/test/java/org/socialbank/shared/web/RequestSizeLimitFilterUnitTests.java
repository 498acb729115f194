package org.socialbank.shared.web;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.springframework.beans.factory.support.StaticListableBeanFactory;
import org.springframework.mock.web.MockFilterChain;
import org.springframework.mock.web.MockHttpServletRequest;
import org.springframework.mock.web.MockHttpServletResponse;

/** The per-path body limit is found however the path is spelled (reread 2026-12-08 shared web). */
class RequestSizeLimitFilterUnitTests {

    private static final int BODY_BYTES = 100_000; // over the 64 KiB default, under the path's 1 MiB

    @ParameterizedTest(name = "{0} {1} {2} -> {3}")
    @CsvSource({
        "'', /webhooks/whatsapp, /webhooks/whatsapp, 200",
        "'', /webhooks/whatsapp/, /webhooks/whatsapp/, 200",
        "'', /webhooks/whatsapp//, /webhooks/whatsapp//, 200",
        "'', /webhooks/whatsapp;jsessionid=ABC, /webhooks/whatsapp, 200",
        "/bank, /bank/webhooks/whatsapp/, /webhooks/whatsapp/, 200",
        "/bank, /bank/webhooks/whatsapp;jsessionid=ABC/, /webhooks/whatsapp/, 200",
        "'', /webhooks/whatsappx, /webhooks/whatsappx, 413",
        "'', /api/v1/transfers/, /api/v1/transfers/, 413",
        "'', /webhooks/whatsapp;v=1/, /webhooks/whatsapp;v=1/, 200",
        "/webhooks/whatsapp, /webhooks/whatsapp/other, /other, 413"
    })
    @DisplayName(
            "a path's own body limit holds with a context path, a trailing slash or ;jsessionid (reread 2026-12-08 shared web)")
    void thePathLimitHoldsHoweverThePathIsSpelled(String context, String uri, String servletPath, int status)
            throws Exception {
        StaticListableBeanFactory beans = new StaticListableBeanFactory();
        beans.addBean("whatsapp", new RequestBodyLimit("/webhooks/whatsapp", 1024 * 1024));
        RequestSizeLimitFilter filter =
                new RequestSizeLimitFilter(new HttpProperties(65_536), beans.getBeanProvider(RequestBodyLimit.class));
        MockHttpServletRequest request = new MockHttpServletRequest("POST", uri);
        request.setContextPath(context);
        request.setServletPath(servletPath);
        request.setContent(new byte[BODY_BYTES]);
        MockHttpServletResponse response = new MockHttpServletResponse();
        MockFilterChain chain = new MockFilterChain();
        filter.doFilter(request, response, chain);
        assertThat(response.getStatus()).isEqualTo(status);
        assertThat(chain.getRequest() != null).as("passed on").isEqualTo(status == 200);
    }
}
