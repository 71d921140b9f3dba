package io.ledgerline.bench;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/** The texts of the intent head's validation split (intent-classifier's test resources): real, varied prompts. */
final class ValidationPrompts {
    static final String FILE = "intent-classifier/src/test/resources/intents/validation.jsonl";

    private ValidationPrompts() {
    }

    static List<String> read(Path repoRoot) throws IOException {
        ObjectMapper mapper = new ObjectMapper();
        List<String> texts = new ArrayList<>();
        for (String line : Files.readAllLines(repoRoot.resolve(FILE))) {
            if (!line.isBlank()) {
                texts.add(mapper.readTree(line).path("text").asText());
            }
        }
        return texts;
    }
}
