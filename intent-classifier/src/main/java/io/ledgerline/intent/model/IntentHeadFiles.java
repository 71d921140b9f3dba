package io.ledgerline.intent.model;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.ledgerline.intent.embedding.ModelVariant;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * Reads and writes head weights as JSON. The shipped heads are classpath resources
 * {@code intent-model/head-fp32.json} and {@code intent-model/head-int8.json}.
 */
public final class IntentHeadFiles {

    public static final String RESOURCE_FOLDER = "intent-model";
    private static final ObjectMapper JSON = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

    private IntentHeadFiles() {
    }

    public static String resourceName(ModelVariant variant) {
        return RESOURCE_FOLDER + "/head-" + variant.id() + ".json";
    }

    /** The head shipped in this module for the given embedding variant. */
    public static IntentModel loadShipped(ModelVariant variant) {
        String resource = resourceName(variant);
        try (InputStream in = IntentHeadFiles.class.getClassLoader().getResourceAsStream(resource)) {
            if (in == null) {
                throw new IllegalStateException("Shipped head " + resource + " is missing from the classpath: run the "
                        + "trainer (io.ledgerline.intent.train.TrainIntentHead)");
            }
            return read(in);
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot read " + resource, e);
        }
    }

    public static IntentModel read(InputStream in) throws IOException {
        JsonNode root = JSON.readTree(in);
        List<String> labels = new ArrayList<>();
        root.path("labels").forEach(n -> labels.add(n.asText()));
        JsonNode w = root.path("weights");
        float[][] weights = new float[w.size()][];
        for (int k = 0; k < w.size(); k++) {
            weights[k] = floats(w.get(k));
        }
        float[] bias = floats(root.path("bias"));
        float[][] hiddenWeights = null;
        float[] hiddenBias = null;
        if (root.has("hiddenWeights")) {
            JsonNode hw = root.path("hiddenWeights");
            hiddenWeights = new float[hw.size()][];
            for (int j = 0; j < hw.size(); j++) {
                hiddenWeights[j] = floats(hw.get(j));
            }
            hiddenBias = floats(root.path("hiddenBias"));
        }
        IntentHead head = new IntentHead(labels, hiddenWeights, hiddenBias, weights, bias,
                root.path("threshold").asDouble());
        int dim = root.path("dimension").asInt(head.dimension());
        if (dim != head.dimension()) {
            throw new IOException("head file says dimension " + dim + " but its weight rows have " + head.dimension());
        }
        return new IntentModel(head, ModelVariant.fromId(root.path("embeddingVariant").asText()),
                root.path("modelVersion").asText(), root.path("validation").path("macroF1").asDouble());
    }

    /** Writes the model; {@code extra} (may be null) is stored under "validation" next to macroF1. */
    public static void write(IntentModel model, ObjectNode validationDetails, Path file) {
        IntentHead head = model.head();
        ObjectNode root = JSON.createObjectNode();
        root.put("modelVersion", model.modelVersion());
        root.put("embeddingModel", "sentence-transformers/all-MiniLM-L6-v2");
        root.put("embeddingVariant", model.variant().id());
        root.put("dimension", head.dimension());
        root.put("architecture", head.architecture());
        root.put("hidden", head.hiddenSize());
        root.put("threshold", head.threshold());
        ObjectNode validation = validationDetails == null ? JSON.createObjectNode() : validationDetails.deepCopy();
        validation.put("macroF1", model.validationMacroF1());
        root.set("validation", validation);
        ArrayNode labels = root.putArray("labels");
        head.labels().forEach(labels::add);
        ArrayNode bias = root.putArray("bias");
        for (float b : head.bias()) {
            bias.add(b);
        }
        if (head.hiddenSize() > 0) {
            ArrayNode hiddenBias = root.putArray("hiddenBias");
            for (float b : head.hiddenBias()) {
                hiddenBias.add(b);
            }
            ArrayNode hiddenWeights = root.putArray("hiddenWeights");
            for (float[] row : head.hiddenWeights()) {
                ArrayNode r = hiddenWeights.addArray();
                for (float x : row) {
                    r.add(x);
                }
            }
        }
        ArrayNode weights = root.putArray("weights");
        for (float[] row : head.weights()) {
            ArrayNode r = weights.addArray();
            for (float x : row) {
                r.add(x);
            }
        }
        try {
            Files.createDirectories(file.toAbsolutePath().getParent());
            JSON.writeValue(file.toFile(), root);
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot write " + file, e);
        }
    }

    public static ObjectNode newObject() {
        return JSON.createObjectNode();
    }

    private static float[] floats(JsonNode array) {
        float[] out = new float[array.size()];
        for (int i = 0; i < out.length; i++) {
            out[i] = (float) array.get(i).asDouble();
        }
        return out;
    }
}
