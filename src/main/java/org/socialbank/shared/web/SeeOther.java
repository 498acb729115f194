package org.socialbank.shared.web;

import org.springframework.http.HttpStatus;
import org.springframework.web.servlet.view.RedirectView;

/**
 * The answer a page gives to a GET at an address only its forms post to: a reload, or Back after
 * htmx pushed the form's address into the history. Nothing is changed; the browser is sent to
 * the page that shows the current step again (Post/Redirect/Get seen from the other side).
 */
public final class SeeOther {

    private SeeOther() {}

    /**
     * A 303 to {@code template}, e.g. {@code "/claim/{token}"}, whose variables are filled (and
     * encoded) from the request's own path variables.
     */
    public static RedirectView to(String template) {
        RedirectView view = new RedirectView(template, true);
        view.setStatusCode(HttpStatus.SEE_OTHER);
        view.setExposeModelAttributes(false);
        view.setExpandUriTemplateVariables(true);
        return view;
    }
}
