package io.ledgerline.intent.model;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.ledgerline.intent.train.AuthoredExamples;
import io.ledgerline.intent.train.IntentDataset;
import io.ledgerline.intent.train.IntentExample;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** The developer-written training prompts: well-formed, labelled within the taxonomy, never a validation text. */
class AuthoredExamplesTest {

    private static String norm(String s) {
        return String.join(" ", s.toLowerCase(Locale.ROOT).strip().split("\\s+"));
    }

    @Test
    void areLabelledAndDisjointFromTheValidationSplit() throws Exception {
        List<IntentExample> authored = AuthoredExamples.load();
        assertTrue(authored.size() >= 90 && authored.size() <= 200, "authored rows: " + authored.size());
        Set<String> ids = new HashSet<>();
        for (IntentExample r : authored) {
            assertTrue(Taxonomy.TRAINED_LABELS.contains(r.label()), r.id() + ": " + r.label());
            assertEquals(AuthoredExamples.SOURCE, r.source(), r.id());
            assertFalse(r.text().isBlank(), r.id());
            assertTrue(ids.add(r.id()), "duplicate id " + r.id());
        }
        Path file = Path.of(getClass().getClassLoader().getResource("intents/validation.jsonl").toURI());
        Set<String> validation = new HashSet<>();
        IntentDataset.readAll(file).forEach(r -> validation.add(norm(r.text())));
        for (IntentExample r : authored) {
            assertFalse(validation.contains(norm(r.text())), r.id() + " is also a validation text");
        }
        assertEquals(authored.size(), AuthoredExamples.loadExcluding(IntentDataset.readAll(file)).size());
    }
}
