package io.ledgerline.collector.receiver.otlp;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;

/** The JSON examples of the GenAI semantic conventions' "examples-llm-calls" page (test resource, see SOURCES.md). */
final class SemconvExamples {
    private SemconvExamples() {
    }

    /** The verbatim JSON text of the block that starts at {@code docLine} of the upstream page. */
    static String rawText(int docLine) {
        try (BufferedReader reader = new BufferedReader(new InputStreamReader(
                SemconvExamples.class.getResourceAsStream("/otlp/semconv-genai/examples-llm-calls.blocks.jsonl"),
                StandardCharsets.UTF_8))) {
            String line;
            while ((line = reader.readLine()) != null) {
                JsonNode block = OtlpJson.MAPPER.readTree(line);
                if (block.path("doc_line").asInt() == docLine) {
                    return block.path("raw_text").asText();
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        throw new IllegalArgumentException("no example block at line " + docLine);
    }
}
