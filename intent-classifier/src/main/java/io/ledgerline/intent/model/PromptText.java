package io.ledgerline.intent.model;

import java.util.Optional;

/**
 * What is embedded for a call: a short prefix of the system prompt (if any) followed by the last user turn, cut to a
 * character budget that fits the embedder's 256 tokens. Never the whole conversation. Without a (non-blank) user
 * turn there is nothing to classify.
 *
 * <p>Default budgets: 200 characters of system prompt, 1,000 characters in all. English averages about 4–5
 * characters per WordPiece token, so 1,000 characters stay near or under 256 tokens; the tokenizer truncates
 * anything beyond that anyway. The user turn is kept from its start (instructions usually come first).
 */
public final class PromptText {

    public static final int DEFAULT_SYSTEM_PREFIX_CHARS = 200;
    public static final int DEFAULT_TOTAL_CHARS = 1000;
    static final String SEPARATOR = "\n\n";

    private final int systemPrefixChars;
    private final int totalChars;

    public PromptText() {
        this(DEFAULT_SYSTEM_PREFIX_CHARS, DEFAULT_TOTAL_CHARS);
    }

    public PromptText(int systemPrefixChars, int totalChars) {
        if (systemPrefixChars < 0 || totalChars < 1 || systemPrefixChars >= totalChars) {
            throw new IllegalArgumentException("need 0 <= systemPrefixChars < totalChars (were " + systemPrefixChars
                    + ", " + totalChars + ")");
        }
        this.systemPrefixChars = systemPrefixChars;
        this.totalChars = totalChars;
    }

    /**
     * @param systemPrompt  the system prompt, or null
     * @param lastUserTurn  the last user message's text, or null
     * @return the text to embed, or empty when there is no non-blank user turn
     */
    public Optional<String> of(String systemPrompt, String lastUserTurn) {
        String user = lastUserTurn == null ? "" : lastUserTurn.strip();
        if (user.isEmpty()) {
            return Optional.empty();
        }
        String system = systemPrompt == null ? "" : cut(systemPrompt.strip(), systemPrefixChars).strip();
        if (system.isEmpty()) {
            return Optional.of(cut(user, totalChars).strip());
        }
        int userBudget = totalChars - system.length() - SEPARATOR.length();
        return Optional.of(system + SEPARATOR + cut(user, userBudget).strip());
    }

    /** The first {@code max} characters, not splitting a surrogate pair. */
    static String cut(String s, int max) {
        if (s.length() <= max) {
            return s;
        }
        int end = max;
        if (end > 0 && Character.isHighSurrogate(s.charAt(end - 1))) {
            end--;
        }
        return s.substring(0, end);
    }
}
