package io.ledgerline.intent.service;

import io.ledgerline.contracts.CallRecord;
import io.ledgerline.contracts.ChatMessage;
import java.util.List;
import java.util.Locale;

/** Finds in a call's input messages what the classifier looks at: the system prompt and the last user turn. */
public record CallText(String systemPrompt, String lastUserTurn) {

    public static CallText of(CallRecord call) {
        List<ChatMessage> messages = call.inputMessages();
        String system = null;
        String user = null;
        for (ChatMessage message : messages) {
            String role = message.role() == null ? "" : message.role().toLowerCase(Locale.ROOT);
            boolean hasText = message.content() != null && !message.content().isBlank();
            if (system == null && hasText && (role.equals("system") || role.equals("developer"))) {
                system = message.content();
            }
            if (hasText && (role.equals("user") || role.equals("human"))) {
                user = message.content();
            }
        }
        return new CallText(system, user);
    }
}
