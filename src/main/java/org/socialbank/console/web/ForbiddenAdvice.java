package org.socialbank.console.web;

import org.socialbank.console.ConsoleForbidden;
import org.socialbank.shared.web.Problems;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;

/**
 * A console page of any module that calls {@link org.socialbank.console.StaffMember#require} for
 * a permission its reader lacks answers 403 problem+json with the code {@code forbidden}. Ordered
 * before the bank's catch-all advice, which would otherwise make it a 500.
 */
@RestControllerAdvice
@Order(Ordered.HIGHEST_PRECEDENCE)
class ForbiddenAdvice {

    @ExceptionHandler(ConsoleForbidden.class)
    ResponseEntity<ProblemDetail> forbidden(ConsoleForbidden e) {
        return Problems.response(Problems.of(HttpStatus.FORBIDDEN, "forbidden", e.getMessage()));
    }
}
