package io.ledgerline.intent.rest;

import com.fasterxml.jackson.annotation.JsonInclude;
import jakarta.ws.rs.core.Response;
import java.util.List;

/** An RFC 9457 problem document; {@code errors} names each field that was wrong and why. */
@JsonInclude(JsonInclude.Include.NON_EMPTY)
public record Problem(String type, String title, int status, String detail, List<FieldError> errors) {

    public record FieldError(String field, String reason) {
    }

    public static Response response(Response.Status status, String detail, List<FieldError> errors) {
        return Response.status(status).type("application/problem+json")
                .entity(new Problem("about:blank", status.getReasonPhrase(), status.getStatusCode(), detail, errors))
                .build();
    }
}
