package io.ledgerline.intent.train;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * Short example prompts for the labels with few permissive rows, <b>written by the Ledgerline developers</b> (our own
 * text, not taken from any dataset), in the classpath resource {@value #RESOURCE}. They are added to the TRAINING
 * side only — never to the validation split — and only when the trainer is told to use them.
 */
public final class AuthoredExamples {

    public static final String RESOURCE = "intent-model/authored-examples.jsonl";
    public static final String SOURCE = "ledgerline_authored";
    private static final ObjectMapper JSON = new ObjectMapper();

    private AuthoredExamples() {
    }

    public static List<IntentExample> load() {
        List<IntentExample> out = new ArrayList<>();
        try (InputStream in = AuthoredExamples.class.getClassLoader().getResourceAsStream(RESOURCE)) {
            if (in == null) {
                throw new IllegalStateException(RESOURCE + " is missing from the classpath");
            }
            BufferedReader reader = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8));
            String line;
            while ((line = reader.readLine()) != null) {
                if (line.isBlank()) {
                    continue;
                }
                JsonNode row = JSON.readTree(line);
                out.add(new IntentExample(row.path("id").asText(), row.path("text").asText(), row.path("label").asText(),
                        row.path("source").asText(SOURCE), row.path("license").asText(null)));
            }
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot read " + RESOURCE, e);
        }
        return out;
    }

    /** The authored examples whose (whitespace-collapsed, lower-cased) text is not one of {@code excluded}. */
    public static List<IntentExample> loadExcluding(Collection<IntentExample> excluded) {
        Set<String> seen = new HashSet<>();
        excluded.forEach(r -> seen.add(normalise(r.text())));
        return load().stream().filter(r -> !seen.contains(normalise(r.text()))).toList();
    }

    static String normalise(String text) {
        return String.join(" ", text.toLowerCase(Locale.ROOT).strip().split("\\s+"));
    }
}
