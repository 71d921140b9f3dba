package io.ledgerline.intent.embedding;

/** Sentence-transformers pooling in plain Java: mean of the token vectors under the attention mask, then L2 norm. */
public final class MeanPooling {

    private MeanPooling() {
    }

    /**
     * @param hidden   last hidden state of the batch, flattened as [batch][seqLen][dim]
     * @param row      which sentence of the batch
     * @param seqLen   padded sequence length of the batch
     * @param dim      hidden size
     * @param mask     attention mask flattened as [batch][seqLen] (1 = real token)
     * @return the unit-length sentence vector (all zeros only if the mask is empty)
     */
    public static float[] poolAndNormalise(float[] hidden, int row, int seqLen, int dim, long[] mask) {
        double[] sum = new double[dim];
        int tokens = 0;
        int maskBase = row * seqLen;
        int hiddenBase = row * seqLen * dim;
        for (int t = 0; t < seqLen; t++) {
            if (mask[maskBase + t] == 0) {
                continue;
            }
            tokens++;
            int offset = hiddenBase + t * dim;
            for (int d = 0; d < dim; d++) {
                sum[d] += hidden[offset + d];
            }
        }
        float[] out = new float[dim];
        if (tokens == 0) {
            return out;
        }
        double norm = 0;
        for (int d = 0; d < dim; d++) {
            sum[d] /= tokens;
            norm += sum[d] * sum[d];
        }
        norm = Math.max(Math.sqrt(norm), 1e-12);
        for (int d = 0; d < dim; d++) {
            out[d] = (float) (sum[d] / norm);
        }
        return out;
    }

    /** Cosine similarity of two vectors (dot product divided by both norms). */
    public static double cosine(float[] a, float[] b) {
        double dot = 0, na = 0, nb = 0;
        for (int i = 0; i < a.length; i++) {
            dot += (double) a[i] * b[i];
            na += (double) a[i] * a[i];
            nb += (double) b[i] * b[i];
        }
        return dot / Math.max(Math.sqrt(na) * Math.sqrt(nb), 1e-12);
    }
}
