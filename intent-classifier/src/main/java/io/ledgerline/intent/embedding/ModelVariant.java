package io.ledgerline.intent.embedding;

import java.util.Locale;

/**
 * Which all-MiniLM-L6-v2 weights to run. Both come as classpath resources from the langchain4j model-carrier jars.
 * {@code FP32} is the original model (90 MB); {@code INT8} is its dynamically quantised copy (23 MB), faster and
 * slightly less exact, whose output also depends a little on batch padding.
 */
public enum ModelVariant {
    FP32("fp32", "all-minilm-l6-v2.onnx", "all-minilm-l6-v2-tokenizer.json"),
    INT8("int8", "all-minilm-l6-v2-q.onnx", "all-minilm-l6-v2-q-tokenizer.json");

    private final String id;
    private final String onnxResource;
    private final String tokenizerResource;

    ModelVariant(String id, String onnxResource, String tokenizerResource) {
        this.id = id;
        this.onnxResource = onnxResource;
        this.tokenizerResource = tokenizerResource;
    }

    /** Short name used in config, file names and model versions: {@code fp32} or {@code int8}. */
    public String id() {
        return id;
    }

    /** Classpath resource (jar root) of the ONNX graph. */
    public String onnxResource() {
        return onnxResource;
    }

    /** Classpath resource (jar root) of the Hugging Face tokenizer.json. */
    public String tokenizerResource() {
        return tokenizerResource;
    }

    /** Parses {@code fp32} / {@code int8} (case-insensitive). */
    public static ModelVariant fromId(String id) {
        String wanted = id == null ? "" : id.trim().toLowerCase(Locale.ROOT);
        for (ModelVariant v : values()) {
            if (v.id.equals(wanted)) {
                return v;
            }
        }
        throw new IllegalArgumentException("Unknown embedding model variant '" + id + "': use fp32 or int8");
    }
}
