package io.ledgerline.intent.model;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.ledgerline.intent.embedding.ModelVariant;
import io.ledgerline.intent.embedding.SentenceEmbedder;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Random;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** Hostile or odd inputs through embedder + shipped head: always a known label, a unit vector, no exception. */
class BadInputClassificationTest {

    private static SentenceEmbedder embedder;
    private static IntentModel model;

    @BeforeAll
    static void load() {
        embedder = new SentenceEmbedder(ModelVariant.FP32);
        model = IntentHeadFiles.loadShipped(ModelVariant.FP32);
    }

    @AfterAll
    static void close() {
        embedder.close();
    }

    static Stream<Arguments> inputs() {
        byte[] random = new byte[4096];
        new Random(42).nextBytes(random);
        return Stream.of(
                Arguments.of("empty", ""),
                Arguments.of("whitespace", " \n\t  \r\n "),
                Arguments.of("200 KB", "Please summarise the following report. " + "lorem ipsum dolor sit amet ".repeat(7600)),
                Arguments.of("binary garbage", new String(random, StandardCharsets.ISO_8859_1)),
                Arguments.of("mixed scripts", "Напиши 函数 in Python لـ sort"),
                Arguments.of("special tokens only", "[CLS][SEP][PAD][MASK]<|endoftext|>"),
                Arguments.of("NUL and lone surrogate", "a\u0000b\uD800c"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("inputs")
    void rawTextGivesALabelAndNoException(String name, String text) {
        float[] v = embedder.embed(text);
        assertUnit(v);
        Prediction p = model.predict(v);
        assertTrue(Taxonomy.isKnown(p.label()), p.label());
        assertEquals(3, p.top3().size());
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("inputs")
    void throughPromptTextGivesAnswerOrNothing(String name, String text) {
        var prepared = new PromptText().of("You are a helpful assistant.", text);
        if (text.isBlank()) {
            assertTrue(prepared.isEmpty());
            return;
        }
        assertTrue(prepared.orElseThrow().length() <= PromptText.DEFAULT_TOTAL_CHARS);
        float[][] v = embedder.embed(List.of(prepared.get(), "hello"));
        assertUnit(v[0]);
        assertTrue(Taxonomy.isKnown(model.predict(v[0]).label()));
    }

    private static void assertUnit(float[] v) {
        assertEquals(384, v.length);
        assertEquals(1.0, Math.sqrt(dot(v)), 1e-4);
    }

    private static double dot(float[] v) {
        double s = 0;
        for (float x : v) {
            s += x * x;
        }
        return s;
    }
}
