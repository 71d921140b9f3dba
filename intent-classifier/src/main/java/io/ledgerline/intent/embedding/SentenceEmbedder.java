package io.ledgerline.intent.embedding;

import ai.djl.Model;
import ai.djl.MalformedModelException;
import ai.djl.huggingface.tokenizers.Encoding;
import ai.djl.huggingface.tokenizers.HuggingFaceTokenizer;
import ai.djl.inference.Predictor;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import ai.djl.translate.NoBatchifyTranslator;
import ai.djl.translate.TranslateException;
import ai.djl.translate.TranslatorContext;
import ai.onnxruntime.OrtException;
import ai.onnxruntime.OrtSession;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * all-MiniLM-L6-v2 sentence embeddings (384 dimensions, unit length) through DJL's ONNX Runtime engine, fully
 * offline: the model and tokenizer come from classpath resources. Tokenisation uses the model's Hugging Face
 * tokenizer (truncated to {@link EmbedderConfig#maxTokens()}); a batch is padded to its longest text; mean pooling
 * over the attention mask and L2 normalisation are done here in plain Java (cheaper than DJL's translator).
 *
 * <p>Thread-safe: the tokenizer and the ONNX Runtime session may be used concurrently, and every call gets its own
 * predictor and native-memory scope. Inference is CPU-bound and blocking: call it off any event loop. Close it to
 * release the native session.
 */
public final class SentenceEmbedder implements TextEmbedder {

    public static final int DIMENSION = 384;

    private final EmbedderConfig config;
    private final HuggingFaceTokenizer tokenizer;
    private final Model model;
    private final OrtSession.SessionOptions sessionOptions;

    public SentenceEmbedder(ModelVariant variant) {
        this(EmbedderConfig.defaults(variant));
    }

    public SentenceEmbedder(EmbedderConfig config) {
        this.config = Objects.requireNonNull(config, "config");
        // before the first DJL / ONNX Runtime class is touched
        OfflineDjlEnvironment.prepare(config.workDir());
        Path onnx = ModelFiles.extractOnnx(config.variant(), config.workDir());
        this.tokenizer = loadTokenizer(config);
        OrtSession.SessionOptions options = null;
        Model loaded = null;
        try {
            options = new OrtSession.SessionOptions();
            options.setIntraOpNumThreads(config.intraOpThreads());
            options.setInterOpNumThreads(1);
            // busy-waiting worker threads double the latency on small, shared machines
            options.addConfigEntry("session.intra_op.allow_spinning", "0");
            options.addConfigEntry("session.inter_op.allow_spinning", "0");
            // shapes vary with every batch: an arena would keep the largest one ever seen allocated for good
            options.setCPUArenaAllocator(config.cpuArena());
            options.setMemoryPatternOptimization(config.cpuArena());
            loaded = Model.newInstance("all-minilm-l6-v2-" + config.variant().id(), "OnnxRuntime");
            String prefix = onnx.getFileName().toString().replaceFirst("\\.onnx$", "");
            loaded.load(onnx.getParent(), prefix, Map.of("sessionOptions", options));
        } catch (OrtException | IOException | MalformedModelException | RuntimeException e) {
            tokenizer.close();
            if (loaded != null) {
                loaded.close();
            }
            if (options != null) {
                options.close();
            }
            throw new IllegalStateException("Cannot load the " + config.variant().id() + " embedding model from " + onnx
                    + ": " + e.getMessage(), e);
        }
        this.model = loaded;
        this.sessionOptions = options;
    }

    private static HuggingFaceTokenizer loadTokenizer(EmbedderConfig config) {
        try (InputStream in = ModelFiles.openTokenizer(config.variant())) {
            return HuggingFaceTokenizer.newInstance(in, Map.of(
                    "maxLength", Integer.toString(config.maxTokens()),
                    "truncation", "true",
                    "padding", "false",
                    "addSpecialTokens", "true"));
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot read the tokenizer of " + config.variant().id(), e);
        }
    }

    @Override
    public float[] embed(String text) {
        return embed(List.of(text == null ? "" : text))[0];
    }

    @Override
    public float[][] embed(List<String> texts) {
        Objects.requireNonNull(texts, "texts");
        if (texts.isEmpty()) {
            return new float[0][];
        }
        TokenBatch batch = tokenize(texts);
        try (Predictor<TokenBatch, float[][]> predictor = model.newPredictor(new PoolingTranslator())) {
            return predictor.predict(batch);
        } catch (TranslateException e) {
            throw new IllegalStateException("Embedding inference failed (" + config.variant().id() + ", batch of "
                    + texts.size() + "): " + e.getMessage(), e);
        }
    }

    /** Number of tokens (incl. [CLS]/[SEP], after truncation) the model sees for this text. */
    public int tokenCount(String text) {
        return tokenizer.encode(TextSanitizer.sanitize(text)).getIds().length;
    }

    private TokenBatch tokenize(List<String> texts) {
        int n = texts.size();
        Encoding[] encodings = new Encoding[n];
        int longest = 1;
        for (int i = 0; i < n; i++) {
            encodings[i] = tokenizer.encode(TextSanitizer.sanitize(texts.get(i)));
            longest = Math.max(longest, encodings[i].getIds().length);
        }
        long[] ids = new long[n * longest];
        long[] mask = new long[n * longest];
        long[] types = new long[n * longest];
        for (int i = 0; i < n; i++) {
            long[] e = encodings[i].getIds();
            long[] m = encodings[i].getAttentionMask();
            long[] t = encodings[i].getTypeIds();
            System.arraycopy(e, 0, ids, i * longest, e.length);
            System.arraycopy(m, 0, mask, i * longest, m.length);
            System.arraycopy(t, 0, types, i * longest, t.length);
        }
        return new TokenBatch(n, longest, ids, mask, types);
    }

    @Override
    public int dimension() {
        return DIMENSION;
    }

    @Override
    public ModelVariant variant() {
        return config.variant();
    }

    public EmbedderConfig config() {
        return config;
    }

    @Override
    public void close() {
        model.close();
        tokenizer.close();
        sessionOptions.close();
    }

    /** Token ids, attention mask and token types of a batch, each flattened as [batch][seqLen] (zero-padded). */
    record TokenBatch(int size, int seqLen, long[] ids, long[] mask, long[] types) {
    }

    private static final class PoolingTranslator implements NoBatchifyTranslator<TokenBatch, float[][]> {

        private TokenBatch batch;

        @Override
        public NDList processInput(TranslatorContext ctx, TokenBatch input) {
            this.batch = input;
            NDManager manager = ctx.getNDManager();
            Shape shape = new Shape(input.size(), input.seqLen());
            NDArray ids = manager.create(input.ids(), shape);
            ids.setName("input_ids");
            NDArray mask = manager.create(input.mask(), shape);
            mask.setName("attention_mask");
            NDArray types = manager.create(input.types(), shape);
            types.setName("token_type_ids");
            return new NDList(ids, mask, types);
        }

        @Override
        public float[][] processOutput(TranslatorContext ctx, NDList list) {
            NDArray hidden = list.get("last_hidden_state");
            if (hidden == null) {
                hidden = list.get(0);
            }
            Shape shape = hidden.getShape();
            int seqLen = (int) shape.get(1);
            int dim = (int) shape.get(2);
            float[] flat = hidden.toFloatArray();
            List<float[]> rows = new ArrayList<>(batch.size());
            for (int r = 0; r < batch.size(); r++) {
                rows.add(MeanPooling.poolAndNormalise(flat, r, seqLen, dim, batch.mask()));
            }
            return rows.toArray(new float[0][]);
        }
    }
}
