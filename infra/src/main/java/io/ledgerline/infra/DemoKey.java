package io.ledgerline.infra;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.Map;
import java.util.Random;

/**
 * The demo project's ingest API key: {@code LEDGERLINE_DEMO_KEY} when set, else the key kept in
 * {@code .ledgerline/demo-key}, else a new random one written there so later runs reuse it.
 */
public final class DemoKey {

    public static final String ENV = "LEDGERLINE_DEMO_KEY";
    public static final String PREFIX = "llk_";
    static final int RANDOM_CHARS = 32;

    private DemoKey() {
    }

    /** {@code llk_} followed by 32 URL-safe base64 characters (24 random bytes). */
    public static String generate(Random random) {
        byte[] bytes = new byte[RANDOM_CHARS * 3 / 4];
        random.nextBytes(bytes);
        return PREFIX + Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
    }

    public static String resolve(Map<String, String> env, Path keyFile) {
        return resolve(env, keyFile, new SecureRandom());
    }

    public static String resolve(Map<String, String> env, Path keyFile, Random random) {
        String fromEnv = env.get(ENV);
        if (fromEnv != null && !fromEnv.isBlank()) {
            return fromEnv.trim();
        }
        try {
            if (Files.isRegularFile(keyFile)) {
                String stored = Files.readString(keyFile, StandardCharsets.UTF_8).trim();
                if (!stored.isEmpty()) {
                    return stored;
                }
            }
            String key = generate(random);
            Files.createDirectories(keyFile.getParent());
            Files.writeString(keyFile, key + "\n", StandardCharsets.UTF_8);
            try {
                Files.setPosixFilePermissions(keyFile, PosixFilePermissions.fromString("rw-------"));
            } catch (UnsupportedOperationException notPosix) {
                // the file system has no POSIX permissions; the key is still only a local demo key
            }
            return key;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read or write the demo key file " + keyFile, e);
        }
    }
}
