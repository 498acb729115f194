package org.socialbank.console.listening.web;

import org.socialbank.shared.web.Problems;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;

/** Bad input on the listening pages answers problem+json with a code, never a 500. */
@RestControllerAdvice(basePackageClasses = ListeningPagesAdvice.class)
@Order(Ordered.HIGHEST_PRECEDENCE)
class ListeningPagesAdvice {

    @ExceptionHandler(BadListeningRequest.class)
    ResponseEntity<ProblemDetail> bad(BadListeningRequest e) {
        return Problems.response(Problems.of(e.status(), e.code(), e.getMessage()));
    }
}
