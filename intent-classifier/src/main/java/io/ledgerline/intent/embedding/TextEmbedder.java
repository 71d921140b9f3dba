package io.ledgerline.intent.embedding;

import java.util.List;

/** Turns texts into L2-normalised sentence embeddings. Implementations are thread-safe. */
public interface TextEmbedder extends AutoCloseable {

    /** Embedding of one text; the result has {@link #dimension()} entries and unit length. */
    float[] embed(String text);

    /** Embeddings of several texts, in the order given (one row per text). */
    float[][] embed(List<String> texts);

    /** Length of every embedding (384 for all-MiniLM-L6-v2). */
    int dimension();

    /** The model weights behind the vectors; vectors of different variants must not be mixed. */
    ModelVariant variant();

    @Override
    void close();
}
