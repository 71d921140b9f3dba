package io.ledgerline.collector.receiver.otlp;

import io.ledgerline.contracts.CallRecordBuilder;
import java.util.Map;

/**
 * Who and what a call was for: end user, session, workflow and tags. OpenLLMetry's
 * {@code traceloop.association.properties.*} win ({@code user_id}/{@code userId} → end user,
 * {@code session_id}/{@code sessionId} → session, {@code workflow} → workflow, anything else → a tag); then
 * {@code user.id} / {@code enduser.id}, {@code session.id} / {@code gen_ai.conversation.id},
 * {@code traceloop.workflow.name} / {@code gen_ai.workflow.name}.
 */
final class CallContextAttributes {
    private static final String ASSOCIATION_PREFIX = "traceloop.association.properties.";

    private final AttributeText text;

    CallContextAttributes(AttributeText text) {
        this.text = text;
    }

    void apply(SpanAttributes attributes, CallRecordBuilder call) {
        String endUser = null;
        String sessionId = null;
        String workflow = null;
        for (Map.Entry<String, Object> property : attributes.withPrefix(ASSOCIATION_PREFIX).entrySet()) {
            String value = text.of(property.getValue());
            switch (property.getKey()) {
                case "user_id", "userId" -> endUser = value;
                case "session_id", "sessionId" -> sessionId = value;
                case "workflow" -> workflow = value;
                default -> call.tag(property.getKey(), value);
            }
        }
        call.endUser(endUser != null ? endUser : attributes.firstString("user.id", "enduser.id"));
        call.sessionId(sessionId != null ? sessionId : attributes.firstString("session.id", "gen_ai.conversation.id"));
        call.workflow(workflow != null ? workflow
                : attributes.firstString("traceloop.workflow.name", "gen_ai.workflow.name"));
    }
}
