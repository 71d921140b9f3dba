package io.ledgerline.intent.embedding;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.List;
import java.util.Locale;

/**
 * Puts DJL and ONNX Runtime into offline mode with their files under one folder. Must run before any DJL or ONNX
 * Runtime class is loaded (the properties are read in static initialisers): {@link SentenceEmbedder} calls it first.
 *
 * <ul>
 *   <li>{@code ai.djl.offline=true}: DJL never downloads engines or models;</li>
 *   <li>{@code OPT_OUT_TRACKING=true}: no usage telemetry (otherwise DJL probes a cloud metadata address);</li>
 *   <li>{@code DJL_CACHE_DIR}: where DJL unpacks the tokenizers native library;</li>
 *   <li>{@code onnxruntime.native.path}: a folder holding the ONNX Runtime natives, copied there once from the
 *       onnxruntime jar, so they are not re-extracted to a fresh temp file at every start.</li>
 * </ul>
 * The values are JVM-wide system properties; a property already set by the operator is kept.
 */
public final class OfflineDjlEnvironment {

    private static final List<String> ORT_LIBRARIES = List.of("onnxruntime", "onnxruntime4j_jni");

    private OfflineDjlEnvironment() {
    }

    public static synchronized void prepare(Path workDir) {
        try {
            Files.createDirectories(workDir);
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot create the embedding work folder " + workDir
                    + ": set a writable folder in the embedder configuration", e);
        }
        setIfAbsent("ai.djl.offline", "true");
        setIfAbsent("OPT_OUT_TRACKING", "true");
        setIfAbsent("DJL_CACHE_DIR", workDir.resolve("djl-cache").toString());
        setIfAbsent("ENGINE_CACHE_DIR", workDir.resolve("djl-cache").toString());
        if (System.getProperty("onnxruntime.native.path") == null) {
            Path natives = copyOrtNatives(workDir.resolve("onnxruntime-natives"));
            if (natives != null) {
                System.setProperty("onnxruntime.native.path", natives.toString());
            }
        }
    }

    private static void setIfAbsent(String key, String value) {
        if (System.getProperty(key) == null) {
            System.setProperty(key, value);
        }
    }

    /** Copies the natives for this OS/CPU out of the onnxruntime jar; null when the jar has none for it. */
    private static Path copyOrtNatives(Path target) {
        String platform = ortPlatform();
        if (platform == null) {
            return null;
        }
        ClassLoader loader = OfflineDjlEnvironment.class.getClassLoader();
        try {
            Files.createDirectories(target);
            for (String lib : ORT_LIBRARIES) {
                String fileName = System.mapLibraryName(lib);
                String resource = "ai/onnxruntime/native/" + platform + "/" + fileName;
                try (InputStream in = loader.getResourceAsStream(resource)) {
                    if (in == null) {
                        return null; // unknown packaging: let ONNX Runtime extract by itself
                    }
                    Path file = target.resolve(fileName);
                    if (Files.exists(file) && Files.size(file) == resourceSize(loader, resource)) {
                        continue;
                    }
                    Path tmp = Files.createTempFile(target, fileName, ".part");
                    Files.copy(in, tmp, StandardCopyOption.REPLACE_EXISTING);
                    Files.move(tmp, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
                }
            }
            return target;
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot copy the ONNX Runtime natives to " + target, e);
        }
    }

    static long resourceSize(ClassLoader loader, String resource) throws IOException {
        var url = loader.getResource(resource);
        if (url == null) {
            return -1;
        }
        var connection = url.openConnection();
        connection.setUseCaches(false);
        return connection.getContentLengthLong();
    }

    private static String ortPlatform() {
        String os = System.getProperty("os.name", "").toLowerCase(Locale.ROOT);
        String arch = System.getProperty("os.arch", "").toLowerCase(Locale.ROOT);
        String osPart = os.contains("linux") ? "linux" : os.contains("mac") ? "osx" : os.contains("win") ? "win" : null;
        String archPart = switch (arch) {
            case "amd64", "x86_64" -> "x64";
            case "aarch64", "arm64" -> "aarch64";
            default -> null;
        };
        return osPart == null || archPart == null ? null : osPart + "-" + archPart;
    }
}
