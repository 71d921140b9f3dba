package io.ledgerline.intent.train;

import io.ledgerline.intent.embedding.TextEmbedder;
import java.io.BufferedInputStream;
import java.io.BufferedOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/**
 * Keeps the embeddings of a text list in a file (keyed by variant and the SHA-256 of all texts), so re-running the
 * trainer with other hyper-parameters does not embed again. Meant for {@code target/}; never shipped.
 */
final class EmbeddingFileCache {

    private final Path folder;

    EmbeddingFileCache(Path folder) {
        this.folder = folder;
    }

    float[][] embedAll(TextEmbedder embedder, List<String> texts, int batchSize) {
        String key = embedder.variant().id() + "-b" + batchSize + "-" + IntentDataset.sha256Hex(String.join("\u0000", texts)).substring(0, 16);
        Path file = folder.resolve(key + ".bin");
        if (Files.exists(file)) {
            float[][] cached = read(file, texts.size());
            if (cached != null) {
                return cached;
            }
        }
        float[][] vectors = BatchedEmbedding.embedAll(embedder, texts, batchSize);
        write(file, vectors);
        return vectors;
    }

    private static float[][] read(Path file, int expectedRows) {
        try (DataInputStream in = new DataInputStream(new BufferedInputStream(Files.newInputStream(file)))) {
            int rows = in.readInt();
            int dim = in.readInt();
            if (rows != expectedRows) {
                return null;
            }
            float[][] out = new float[rows][dim];
            for (int i = 0; i < rows; i++) {
                for (int d = 0; d < dim; d++) {
                    out[i][d] = in.readFloat();
                }
            }
            return out;
        } catch (IOException e) {
            return null;
        }
    }

    private static void write(Path file, float[][] vectors) {
        try {
            Files.createDirectories(file.getParent());
            try (DataOutputStream out = new DataOutputStream(new BufferedOutputStream(Files.newOutputStream(file)))) {
                out.writeInt(vectors.length);
                out.writeInt(vectors.length == 0 ? 0 : vectors[0].length);
                for (float[] v : vectors) {
                    for (float x : v) {
                        out.writeFloat(x);
                    }
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot write the embedding cache " + file, e);
        }
    }
}
