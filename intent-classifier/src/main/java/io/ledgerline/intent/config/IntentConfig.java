package io.ledgerline.intent.config;

import io.ledgerline.intent.embedding.ModelVariant;
import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import java.util.Optional;

/** intent-classifier's settings ({@code ledgerline.intent.*}); every one has a default. */
@ConfigMapping(prefix = "ledgerline.intent")
public interface IntentConfig {

    /**
     * Embedding weights: {@code int8} (quantised, the default: about twice the prompts/s of fp32 at the same validation
     * macro-F1) or {@code fp32} (the original weights, exact to the reference vectors and independent of batching).
     */
    @WithDefault("int8")
    ModelVariant model();

    /** Where DJL's cache, the ONNX Runtime natives and the extracted model go; default under the temp folder. */
    Optional<String> workDir();

    /** ONNX Runtime threads per inference call. */
    @WithDefault("1")
    int intraOpThreads();

    /**
     * ONNX Runtime's CPU arena: at most 10–20 % faster for batches, but it keeps the largest batch's buffers allocated
     * (more resident memory), so it is off unless asked for.
     */
    @WithDefault("false")
    boolean cpuArena();

    Batch batch();

    /** Embeddings kept in memory, keyed by a hash of the text (production prompts repeat their templates). */
    @WithDefault("20000")
    int cacheSize();

    Prompt prompt();

    TenantLabels tenantLabels();

    interface Batch {
        /** Threads that run the model; each takes what is queued, up to {@link #maxSize()} texts, as one batch. */
        @WithDefault("2")
        int workers();

        @WithDefault("32")
        int maxSize();

        /** Texts waiting for a worker; when full, new work is refused (REST 503, AMQP redelivery) rather than queued. */
        @WithDefault("2048")
        int queueCapacity();
    }

    interface Prompt {
        /** Characters of the system prompt put before the user turn. */
        @WithDefault("200")
        int systemPrefixChars();

        /** Characters embedded in all (about the model's 256 tokens). */
        @WithDefault("1000")
        int totalChars();
    }

    interface TenantLabels {
        /**
         * Cosine similarity to the nearest example a tenant label needs to take precedence over the trained head.
         * With all-MiniLM-L6-v2, prompts of one task that differ in their particulars score about 0.55–0.75,
         * unrelated prompts below 0.3.
         */
        @WithDefault("0.55")
        double minSimilarity();

        /** How long a tenant's label index is reused before it is read again (other instances' edits show then). */
        @WithDefault("60")
        int refreshSeconds();
    }
}
