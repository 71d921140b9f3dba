package io.ledgerline.collector.receiver;

import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonProcessingException;

/** Says where and why a body is not JSON, in words for the sender: the problem, the line and the column only. */
public final class JsonSyntax {
    private JsonSyntax() {
    }

    public static String describe(JsonProcessingException e) {
        String problem = e.getOriginalMessage() == null ? "unreadable JSON" : e.getOriginalMessage();
        // Jackson appends where a structure started as "(start marker at [Source: …; line: 1, column: 12])" and
        // sometimes its source description; both are Jackson's internals, the location below says where.
        problem = problem.replaceAll("\\s*\\(start marker at \\[Source:[^\\]]*\\]\\)", "")
                .replaceAll("\\s*\\[Source:[^\\]]*\\]", "")
                .replaceAll("\\s*at \\[Source:.*", "")
                .trim();
        JsonLocation where = e.getLocation();
        return where == null ? problem
                : problem + " (line " + where.getLineNr() + ", column " + where.getColumnNr() + ")";
    }
}
