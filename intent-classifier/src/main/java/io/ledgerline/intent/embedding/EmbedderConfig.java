package io.ledgerline.intent.embedding;

import java.nio.file.Path;
import java.util.Objects;

/**
 * Settings of a {@link SentenceEmbedder}.
 *
 * @param variant        fp32 or int8 weights
 * @param workDir        folder for DJL's cache, the extracted ONNX Runtime natives and the extracted model file
 *                       (created when missing; reused across starts)
 * @param intraOpThreads ONNX Runtime threads per inference call (1 or more)
 * @param maxTokens      tokens per text after truncation, including [CLS] and [SEP] (the model was trained with 256)
 * @param cpuArena       ONNX Runtime's CPU arena allocator and memory-pattern planning (faster repeated shapes, but
 *                       keeps the largest batch ever seen allocated); off by default
 */
public record EmbedderConfig(ModelVariant variant, Path workDir, int intraOpThreads, int maxTokens, boolean cpuArena) {

    public static final int DEFAULT_MAX_TOKENS = 256;

    public EmbedderConfig {
        Objects.requireNonNull(variant, "variant");
        Objects.requireNonNull(workDir, "workDir");
        if (intraOpThreads < 1) {
            throw new IllegalArgumentException("intraOpThreads must be at least 1, was " + intraOpThreads);
        }
        if (maxTokens < 8 || maxTokens > 512) {
            throw new IllegalArgumentException("maxTokens must be within 8..512, was " + maxTokens);
        }
    }

    /** Defaults: work folder {@code ${java.io.tmpdir}/ledgerline-djl}, 1 intra-op thread, 256 tokens, no arena. */
    public static EmbedderConfig defaults(ModelVariant variant) {
        return new EmbedderConfig(variant, defaultWorkDir(), 1, DEFAULT_MAX_TOKENS, false);
    }

    public static Path defaultWorkDir() {
        return Path.of(System.getProperty("java.io.tmpdir"), "ledgerline-djl");
    }

    public EmbedderConfig withIntraOpThreads(int threads) {
        return new EmbedderConfig(variant, workDir, threads, maxTokens, cpuArena);
    }

    public EmbedderConfig withWorkDir(Path dir) {
        return new EmbedderConfig(variant, dir, intraOpThreads, maxTokens, cpuArena);
    }

    public EmbedderConfig withCpuArena(boolean on) {
        return new EmbedderConfig(variant, workDir, intraOpThreads, maxTokens, on);
    }
}
