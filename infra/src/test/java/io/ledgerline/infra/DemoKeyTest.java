package io.ledgerline.infra;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.SecureRandom;
import java.util.Map;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class DemoKeyTest {

    @Test
    void generatedKeyHasPrefixAnd32UrlSafeCharacters() {
        SecureRandom random = new SecureRandom();
        for (int i = 0; i < 200; i++) {
            String key = DemoKey.generate(random);
            assertTrue(key.matches("llk_[A-Za-z0-9_-]{32}"), key);
        }
        assertNotEquals(DemoKey.generate(random), DemoKey.generate(random));
    }

    @Test
    void generatedOnceThenKept(@TempDir Path dir) throws IOException {
        Path file = dir.resolve(".ledgerline/demo-key");
        assertFalse(Files.exists(file));
        String first = DemoKey.resolve(Map.of(), file, new Random(1));
        assertTrue(first.matches("llk_[A-Za-z0-9_-]{32}"), first);
        assertEquals(first, Files.readString(file).trim());
        assertEquals("rw-------", PosixFilePermissions.toString(Files.getPosixFilePermissions(file)));
        // a different random source would give another key: the stored one wins
        assertEquals(first, DemoKey.resolve(Map.of(), file, new Random(2)));
    }

    @Test
    void environmentWinsAndIsNotWritten(@TempDir Path dir) {
        Path file = dir.resolve("demo-key");
        assertEquals("llk_from_env", DemoKey.resolve(Map.of("LEDGERLINE_DEMO_KEY", " llk_from_env\n"), file, new Random(3)));
        assertFalse(Files.exists(file));
    }

    @Test
    void blankEnvironmentFallsBackToTheFile(@TempDir Path dir) throws IOException {
        Path file = dir.resolve("demo-key");
        Files.writeString(file, "llk_stored_earlier\n");
        assertEquals("llk_stored_earlier", DemoKey.resolve(Map.of("LEDGERLINE_DEMO_KEY", "  "), file, new Random(4)));
    }
}
