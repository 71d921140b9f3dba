package io.ledgerline.support.problem;

import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.exc.MismatchedInputException;
import com.fasterxml.jackson.databind.exc.UnrecognizedPropertyException;
import jakarta.ws.rs.core.Response;
import java.util.List;
import java.util.Locale;

/** Jackson's complaints about a request body, said as a person can act on them (no parser internals). */
final class JsonProblems {

    private JsonProblems() {
    }

    static Response notJson(JsonProcessingException e) {
        JsonLocation at = e.getLocation();
        String where = at == null || at.getLineNr() < 0 ? "" : " (line " + at.getLineNr() + ", column "
                + at.getColumnNr() + ")";
        String what = e.getOriginalMessage() == null ? "it cannot be parsed" : firstLine(e.getOriginalMessage());
        return Problem.response(Response.Status.BAD_REQUEST, "the body is not valid JSON: " + what + where, List.of());
    }

    static Response wrongShape(MismatchedInputException e) {
        String field = path(e.getPath());
        String reason = e instanceof UnrecognizedPropertyException
                ? "is not a field of this request"
                : "must be " + expected(e.getTargetType());
        return Problem.response(Response.Status.BAD_REQUEST, field + " " + reason,
                List.of(new Problem.FieldError(field, reason)));
    }

    /** {@code project.valueOfTimePerSecond}, {@code items[2].model}; {@code body} for the document itself. */
    static String path(List<JsonMappingException.Reference> references) {
        StringBuilder out = new StringBuilder();
        for (JsonMappingException.Reference ref : references) {
            if (ref.getFieldName() != null) {
                out.append(out.isEmpty() ? "" : ".").append(ref.getFieldName());
            } else if (ref.getIndex() >= 0) {
                out.append('[').append(ref.getIndex()).append(']');
            }
        }
        return out.isEmpty() ? "body" : out.toString();
    }

    static String expected(Class<?> type) {
        if (type == null) {
            return "of another type";
        }
        if (type == String.class) {
            return "a string";
        }
        if (Number.class.isAssignableFrom(type) || (type.isPrimitive() && type != boolean.class)) {
            return "a number";
        }
        if (type == Boolean.class || type == boolean.class) {
            return "true or false";
        }
        if (type.isArray() || Iterable.class.isAssignableFrom(type)) {
            return "an array";
        }
        return "an object (" + type.getSimpleName().toLowerCase(Locale.ROOT) + ")";
    }

    private static String firstLine(String message) {
        int end = message.indexOf('\n');
        return end < 0 ? message : message.substring(0, end);
    }
}
