package io.ledgerline.collector.processor.tokens;

import io.ledgerline.contracts.TokenSource;

/**
 * How a model family is counted: the BPE encoding, whether that encoding is the family's own ({@code counted}) or a
 * stand-in ({@code estimated}), and the ChatML framing the API adds around chat messages.
 *
 * @param family a short name for logs and notes (e.g. {@code gpt-5}, {@code gpt-4o}, {@code other})
 * @param encoding jtokkit encoding name ({@code o200k_base}, {@code cl100k_base})
 * @param tokensPerMessage framing per message (OpenAI's documented rule: 3)
 * @param tokensPerName extra when a message carries a name (documented: 1)
 * @param replyPriming tokens that prime the assistant's reply (documented: 3)
 * @param hiddenReasoning true for families that think before answering: without reported usage their output
 *     cannot be counted from the visible text alone
 */
public record TokenizerProfile(
        String family,
        String encoding,
        TokenSource source,
        int tokensPerMessage,
        int tokensPerName,
        int replyPriming,
        boolean hiddenReasoning) {
}
