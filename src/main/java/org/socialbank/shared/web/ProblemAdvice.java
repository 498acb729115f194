package org.socialbank.shared.web;

import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import org.apache.tomcat.util.http.InvalidParameterException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.dao.ConcurrencyFailureException;
import org.springframework.dao.DataAccessResourceFailureException;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.dao.TransientDataAccessException;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.http.converter.HttpMessageNotReadableException;
import org.springframework.transaction.CannotCreateTransactionException;
import org.springframework.web.ErrorResponse;
import org.springframework.web.bind.MethodArgumentNotValidException;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import org.springframework.web.context.request.ServletWebRequest;
import org.springframework.web.context.request.WebRequest;
import org.springframework.web.method.annotation.MethodArgumentTypeMismatchException;
import org.springframework.web.servlet.mvc.method.annotation.ResponseEntityExceptionHandler;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.DatabindException;
import tools.jackson.databind.exc.UnrecognizedPropertyException;

/**
 * Turns every failure of the HTTP layer into {@code problem+json} with a {@code code}: bad input
 * is the client's 4xx, and nothing a client sends produces a stack trace. Bad input is what the
 * web adapters say it is ({@link BadRequest}, binding and JSON errors); an {@link
 * IllegalArgumentException} from inside the bank is a bug, logged and answered 500 (issue 14). A person on the bank's
 * pages is not a JSON reader: for them the same status is shown as the bank's own page
 * ({@link ErrorPages}), chosen by the address and {@code Accept} (issue 13).
 */
@RestControllerAdvice
class ProblemAdvice extends ResponseEntityExceptionHandler {

    private static final Logger log = LoggerFactory.getLogger(ProblemAdvice.class);

    /** Only what a web adapter refused itself is the client's 400; an internal refusal is a 500 below. */
    @ExceptionHandler(BadRequest.class)
    ResponseEntity<ProblemDetail> invalid(BadRequest e, WebRequest request) {
        return answer(request, Problems.of(HttpStatus.BAD_REQUEST, e.code(), e.getMessage()));
    }

    @ExceptionHandler(MethodArgumentTypeMismatchException.class)
    ResponseEntity<ProblemDetail> mismatch(MethodArgumentTypeMismatchException e, WebRequest request) {
        return answer(
                request, Problems.of(HttpStatus.BAD_REQUEST, "invalid_request", "'" + e.getName() + "' is not valid"));
    }

    /**
     * A query string (or form) that is not percent-encoded UTF-8, or has more parameters than
     * Tomcat reads: Tomcat throws when a parameter is first read, with the status it means (400,
     * or 413 for too many). Its message quotes the value, so the detail does not.
     */
    @ExceptionHandler(InvalidParameterException.class)
    ResponseEntity<ProblemDetail> unreadableParameters(InvalidParameterException e, WebRequest request) {
        if (e.getErrorCode() == HttpStatus.CONTENT_TOO_LARGE.value()) {
            return answer(
                    request,
                    Problems.of(
                            HttpStatus.CONTENT_TOO_LARGE,
                            "request_too_large",
                            "The request has more parameters than this server accepts."));
        }
        return answer(
                request,
                Problems.of(
                        HttpStatus.BAD_REQUEST,
                        "malformed_request",
                        "The query string or form is not valid percent-encoded UTF-8."));
    }

    @ExceptionHandler(RequestTooLarge.class)
    ResponseEntity<ProblemDetail> tooLarge(RequestTooLarge e, WebRequest request) {
        return answer(request, Problems.of(HttpStatus.CONTENT_TOO_LARGE, "request_too_large", e.getMessage()));
    }

    /**
     * The store is unreachable, or a transaction kept losing lock races after its retries: the
     * request did nothing and may be sent again as it is (its id keeps it idempotent).
     */
    @ExceptionHandler({
        TransientDataAccessException.class,
        ConcurrencyFailureException.class,
        DataAccessResourceFailureException.class,
        CannotCreateTransactionException.class
    })
    ResponseEntity<ProblemDetail> busy(Exception e, WebRequest request) {
        log.warn("Store busy or unreachable: {}", e.getMessage());
        if (isPage(request)) {
            return showPage(request, HttpStatus.SERVICE_UNAVAILABLE, new HttpHeaders());
        }
        ResponseEntity<ProblemDetail> response = Problems.response(Problems.of(
                HttpStatus.SERVICE_UNAVAILABLE,
                "temporarily_unavailable",
                "The bank could not complete this now; nothing was changed. Send the same request again."));
        return ResponseEntity.status(response.getStatusCode())
                .headers(response.getHeaders())
                .header(HttpHeaders.RETRY_AFTER, "1")
                .body(response.getBody());
    }

    /** A database rule the validation above it missed: the request did nothing and is refused. */
    @ExceptionHandler(DataIntegrityViolationException.class)
    ResponseEntity<ProblemDetail> violates(DataIntegrityViolationException e, WebRequest request) {
        log.warn(
                "A request broke a database rule: {}",
                e.getMostSpecificCause().getClass().getSimpleName());
        return answer(
                request,
                Problems.of(
                        HttpStatus.CONFLICT,
                        "conflict",
                        "The request conflicts with the bank's data and was refused; nothing was changed."));
    }

    @ExceptionHandler(Exception.class)
    ResponseEntity<ProblemDetail> unexpected(Exception e, WebRequest request) {
        log.error("Unexpected failure while handling a request", e);
        return answer(
                request,
                Problems.of(
                        HttpStatus.INTERNAL_SERVER_ERROR,
                        "internal_error",
                        "The request could not be completed; nothing was changed unless a later read shows it."));
    }

    @Override
    protected ResponseEntity<Object> handleHttpMessageNotReadable(
            HttpMessageNotReadableException e, HttpHeaders headers, HttpStatusCode status, WebRequest request) {
        if (causedBy(e, RequestTooLarge.class)) {
            return answer(
                    request,
                    Problems.of(
                            HttpStatus.CONTENT_TOO_LARGE,
                            "request_too_large",
                            "The request body is larger than this server accepts."));
        }
        return answer(
                request,
                Problems.of(
                        HttpStatus.BAD_REQUEST,
                        "malformed_request",
                        "The request body is not valid JSON of the expected shape: " + shortReason(e)));
    }

    @Override
    protected ResponseEntity<Object> handleMethodArgumentNotValid(
            MethodArgumentNotValidException e, HttpHeaders headers, HttpStatusCode status, WebRequest request) {
        String detail = e.getBindingResult().getFieldErrors().stream()
                .map(f -> f.getField() + " " + f.getDefaultMessage())
                .sorted()
                .reduce((a, b) -> a + "; " + b)
                .orElse("invalid request");
        return answer(request, Problems.of(HttpStatus.BAD_REQUEST, "invalid_request", detail));
    }

    @Override
    protected ResponseEntity<Object> handleExceptionInternal(
            Exception e, Object body, HttpHeaders headers, HttpStatusCode status, WebRequest request) {
        if (isPage(request)) {
            // keeps what the status needs to say, such as the Allow of a 405
            return showPage(request, HttpStatus.valueOf(status.value()), headers == null ? new HttpHeaders() : headers);
        }
        ResponseEntity<Object> entity = super.handleExceptionInternal(e, body, headers, status, request);
        if (entity != null
                && entity.getBody() instanceof ProblemDetail problem
                && (problem.getProperties() == null || !problem.getProperties().containsKey("code"))) {
            problem.setProperty("code", codeFor(e, status));
        }
        return entity;
    }

    /** The problem as JSON for a program; for a person on a page, the bank's page for its status. */
    private static <T> ResponseEntity<T> answer(WebRequest request, ProblemDetail problem) {
        return isPage(request)
                ? showPage(request, HttpStatus.valueOf(problem.getStatus()), new HttpHeaders())
                : Problems.response(problem);
    }

    private static boolean isPage(WebRequest request) {
        return request instanceof ServletWebRequest servlet
                && servlet.getResponse() != null
                && !ErrorPages.readsProblems(servlet.getRequest());
    }

    /**
     * Hands the status to the container's error page, which {@link ErrorPages} renders in the
     * reader's language; returning no body tells Spring the response is taken care of.
     */
    private static <T> ResponseEntity<T> showPage(WebRequest request, HttpStatus status, HttpHeaders headers) {
        HttpServletResponse response = ((ServletWebRequest) request).getResponse();
        if (response.isCommitted()) {
            return null;
        }
        headers.forEach((name, values) -> values.forEach(value -> response.addHeader(name, value)));
        try {
            response.sendError(status.value());
        } catch (IOException gone) {
            log.debug("The page's reader left before the error page: {}", gone.getMessage());
        }
        return null;
    }

    private static String codeFor(Exception e, HttpStatusCode status) {
        return switch (status.value()) {
            case 404 -> "not_found";
            case 405 -> "method_not_allowed";
            case 406 -> "not_acceptable";
            case 413 -> "request_too_large";
            case 415 -> "unsupported_media_type";
            default -> e instanceof ErrorResponse ? "invalid_request" : "bad_request";
        };
    }

    private static boolean causedBy(Throwable e, Class<? extends Throwable> type) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (type.isInstance(t)) {
                return true;
            }
        }
        return false;
    }

    /** The parser's reason, naming the member or the position, never echoing the input back. */
    private static String shortReason(HttpMessageNotReadableException e) {
        Throwable cause = e.getMostSpecificCause();
        if (cause instanceof DatabindException bind && !bind.getPath().isEmpty()) {
            String member = bind.getPath().stream()
                    .map(ref -> ref.getPropertyName() != null ? ref.getPropertyName() : "[" + ref.getIndex() + "]")
                    .reduce((a, b) -> b.startsWith("[") ? a + b : a + "." + b)
                    .orElse("?");
            return cause instanceof UnrecognizedPropertyException
                    ? "unknown member '" + member + "'"
                    : "'" + member + "' has the wrong type or is out of range";
        }
        if (cause instanceof JacksonException json && json.getLocation() != null) {
            return "not valid JSON at line " + json.getLocation().getLineNr() + ", column "
                    + json.getLocation().getColumnNr();
        }
        return "the body is missing or unreadable";
    }
}
