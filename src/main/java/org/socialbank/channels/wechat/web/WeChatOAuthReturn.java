package org.socialbank.channels.wechat.web;

import org.socialbank.channels.wechat.WeChatOAuth;
import org.socialbank.channels.wechat.WeChatProperties;
import org.socialbank.shared.web.Problems;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.ModelAndView;
import org.springframework.web.servlet.View;

/**
 * Where WeChat's web authorisation sends the browser back ({@code GET /wechat/oauth}). It only
 * redirects: to the bank's page when the follower the link was sent to opened it; otherwise a
 * localized page (another account, an expired code, WeChat unreachable) or, for a request the bank
 * never issued (another page, a changed state), {@code 400 problem+json}. It changes nothing, so
 * it needs no CSRF token; it runs in the pages' security chain (no referrer, no framing).
 */
@Controller
class WeChatOAuthReturn {

    private final WeChatOAuth oauth;
    private final WeChatProperties properties;

    WeChatOAuthReturn(WeChatOAuth oauth, WeChatProperties properties) {
        this.oauth = oauth;
        this.properties = properties;
    }

    @GetMapping(WeChatOAuth.CALLBACK)
    ModelAndView back(
            @RequestParam(defaultValue = "") String code,
            @RequestParam(defaultValue = "") String state,
            @RequestParam(defaultValue = "") String next) {
        if (!properties.enabled()) {
            return problem(
                    HttpStatus.NOT_FOUND,
                    "wechat_not_configured",
                    "The WeChat channel is not configured on this bank.");
        }
        WeChatOAuth.Opened opened = oauth.open(code, state, next);
        if (opened instanceof WeChatOAuth.Redirect redirect) {
            View found = (model, request, response) -> {
                response.setStatus(HttpStatus.FOUND.value());
                response.setHeader(HttpHeaders.LOCATION, redirect.url());
            };
            return new ModelAndView(found);
        }
        if (opened instanceof WeChatOAuth.Malformed malformed) {
            return problem(HttpStatus.BAD_REQUEST, malformed.code(), malformed.detail());
        }
        if (opened instanceof WeChatOAuth.OtherAccount) {
            return page(HttpStatus.FORBIDDEN, "wechat.oauth.other_account");
        }
        if (opened instanceof WeChatOAuth.CodeRefused) {
            return page(HttpStatus.BAD_REQUEST, "wechat.oauth.code_refused");
        }
        return page(HttpStatus.SERVICE_UNAVAILABLE, "wechat.oauth.unavailable");
    }

    private static ModelAndView page(HttpStatus status, String key) {
        ModelAndView page = new ModelAndView("message", status);
        page.addObject("titleKey", key + ".title");
        page.addObject("bodyKey", key + ".body");
        return page;
    }

    private static ModelAndView problem(HttpStatus status, String code, String detail) {
        View problem = (model, request, response) -> Problems.write(response, status, code, detail);
        return new ModelAndView(problem);
    }
}
