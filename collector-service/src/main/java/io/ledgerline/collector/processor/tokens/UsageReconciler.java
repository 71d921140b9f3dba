package io.ledgerline.collector.processor.tokens;

import io.ledgerline.contracts.CallRecordBuilder;
import io.ledgerline.contracts.CallStatus;
import io.ledgerline.contracts.TokenBucket;
import io.ledgerline.contracts.TokenCount;
import io.ledgerline.contracts.TokenSource;
import io.ledgerline.contracts.Usage;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * Produces a call's final {@link Usage} (DESIGN.md §3–4), for every intake (exchange, OTLP, native API).
 *
 * <ul>
 *   <li>Provider-reported buckets are kept as they are; {@code counted} holds our own count of the same call.</li>
 *   <li>{@code discrepancy} = reported − counted, for the whole prompt and the visible output, when the provider
 *       reported and our count is exact for the model family. An estimate (another family's tokenizer, or a prompt
 *       with tool calls) is no yardstick for the provider's figure, so it yields no discrepancy.</li>
 *   <li>When the provider reported nothing (an OpenAI stream without {@code stream_options.include_usage}, a
 *       provider without usage), the input and output buckets come from our count, marked {@code counted} or
 *       {@code estimated}, and {@code note} says why: never zero, never missing.</li>
 *   <li>A request the provider refused (HTTP error, no response, an error body and no answer) without reported
 *       usage gets no buckets — nothing was billed — but keeps our count and a note; so does an operation that is
 *       not billed by tokens (rerank, count_tokens, cache management).</li>
 * </ul>
 *
 * <p>The model used for counting is the response model when there is one: an Azure request names only its
 * deployment, the response names the model. Tool definitions, {@code response_format} schemas and images add
 * prompt tokens we do not see in the messages; the discrepancy shows them.
 */
public final class UsageReconciler {
    // Operations priced per token; rerank (search units), token counting and cache management are not.
    private static final Set<String> TOKEN_BILLED = Set.of("chat", "responses", "completion", "embeddings", "other");

    private final TokenCounter counter;

    public UsageReconciler(TokenCounter counter) {
        this.counter = counter;
    }

    public void apply(CallRecordBuilder call) {
        Usage reported = reportedOnly(call.usage());
        String model = call.responseModel() != null && !call.responseModel().isBlank()
                ? call.responseModel() : call.requestModel();
        TokenCount count = hasContent(call) ? counter.count(model, call.operation(), call.inputMessages(),
                call.outputMessages()) : null;

        if (reported != null) {
            call.usage(withCount(reported, count));
        } else if (count == null) {
            call.usage(new Usage(null, null, null, null, null, null, null,
                    "provider reported no usage and the call carries no content to count"));
        } else if (refused(call)) {
            call.usage(new Usage(null, null, null, null, null, count, null,
                    "request failed without reported usage; nothing assumed billed"));
        } else if (!TOKEN_BILLED.contains(String.valueOf(call.operation()))) {
            call.usage(new Usage(null, null, null, null, null, count, null,
                    "provider reported no usage; operation " + call.operation() + " is not billed by tokens"));
        } else {
            call.usage(fromCount(call, model, count));
        }
    }

    private static Usage withCount(Usage reported, TokenCount count) {
        if (count == null) {
            return reported;
        }
        Usage.Discrepancy discrepancy = count.source() == TokenSource.COUNTED
                ? new Usage.Discrepancy(reported.promptTokens() - count.inputTokens(),
                        Usage.tokens(reported.outputTokens()) - count.outputTokens())
                : null;
        return new Usage(reported.inputTokens(), reported.cacheReadTokens(), reported.cacheWriteTokens(),
                reported.outputTokens(), reported.reasoningTokens(), count, discrepancy, reported.note());
    }

    private Usage fromCount(CallRecordBuilder call, String model, TokenCount count) {
        TokenizerProfile profile = counter.profileFor(model);
        List<String> why = new ArrayList<>();
        why.add(call.streaming()
                ? "provider reported no usage in the stream (OpenAI-style streams need stream_options.include_usage)"
                : "provider reported no usage");
        why.add(count.source() == TokenSource.COUNTED
                ? "tokens counted with " + count.tokenizer()
                : "tokens estimated with " + count.tokenizer() + " (not the model's own tokenizer, or tool calls)");
        TokenSource outputSource = count.source();
        if (profile.hiddenReasoning()) {
            // The model thinks before it answers; those tokens are billed but never visible to count.
            why.add("hidden reasoning tokens are not included");
            outputSource = TokenSource.ESTIMATED;
        }
        TokenBucket output = count.outputTokens() > 0 || call.outputMessages() != null && !call.outputMessages().isEmpty()
                ? new TokenBucket(count.outputTokens(), outputSource) : null;
        return new Usage(new TokenBucket(count.inputTokens(), count.source()), null, null, output, null, count, null,
                String.join("; ", why));
    }

    /** Buckets the provider reported; our own earlier figures (a record reconciled before) are recomputed. */
    private static Usage reportedOnly(Usage usage) {
        if (usage == null) {
            return null;
        }
        TokenBucket input = reported(usage.inputTokens());
        TokenBucket cacheRead = reported(usage.cacheReadTokens());
        TokenBucket cacheWrite = reported(usage.cacheWriteTokens());
        TokenBucket output = reported(usage.outputTokens());
        TokenBucket reasoning = reported(usage.reasoningTokens());
        if (input == null && cacheRead == null && cacheWrite == null && output == null && reasoning == null) {
            return null;
        }
        boolean ours = usage.counted() != null;
        return new Usage(input, cacheRead, cacheWrite, output, reasoning, null, null, ours ? null : usage.note());
    }

    private static TokenBucket reported(TokenBucket bucket) {
        return bucket != null && bucket.source() == TokenSource.REPORTED ? bucket : null;
    }

    private static boolean hasContent(CallRecordBuilder call) {
        return call.inputMessages() != null && !call.inputMessages().isEmpty()
                || call.outputMessages() != null && !call.outputMessages().isEmpty();
    }

    /** A failed call that produced nothing: an HTTP error, no response, or an error body instead of an answer. */
    private static boolean refused(CallRecordBuilder call) {
        return call.status() == CallStatus.ERROR && (call.httpStatus() == null || call.httpStatus() >= 300
                || call.outputMessages() == null || call.outputMessages().isEmpty());
    }
}
