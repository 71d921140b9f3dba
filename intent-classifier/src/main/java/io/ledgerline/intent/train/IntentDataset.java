package io.ledgerline.intent.train;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.BufferedReader;
import java.io.BufferedWriter;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Reading the intent JSONL files and the deterministic, stratified validation split. */
public final class IntentDataset {

    private static final ObjectMapper JSON = new ObjectMapper();

    private IntentDataset() {
    }

    /** Rows of the shared training file whose {@code permissive} field is true (others are skipped). */
    public static List<IntentExample> readPermissive(Path jsonl) {
        List<IntentExample> out = new ArrayList<>();
        for (JsonNode row : readRows(jsonl)) {
            if (row.path("permissive").asBoolean(false)) {
                out.add(toExample(row));
            }
        }
        return out;
    }

    /** Every row of a file such as the shipped {@code validation.jsonl}. */
    public static List<IntentExample> readAll(Path jsonl) {
        return readRows(jsonl).stream().map(IntentDataset::toExample).toList();
    }

    private static IntentExample toExample(JsonNode row) {
        return new IntentExample(row.path("id").asText(), row.path("text").asText(), row.path("label").asText(),
                row.path("source").asText(null), row.path("license").asText(null));
    }

    private static List<JsonNode> readRows(Path jsonl) {
        List<JsonNode> rows = new ArrayList<>();
        try (BufferedReader reader = Files.newBufferedReader(jsonl, StandardCharsets.UTF_8)) {
            String line;
            while ((line = reader.readLine()) != null) {
                if (!line.isBlank()) {
                    rows.add(JSON.readTree(line));
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot read " + jsonl, e);
        }
        return rows;
    }

    /** The two sides of a split. */
    public record Split(List<IntentExample> train, List<IntentExample> validation) {
    }

    /**
     * Per label, rows are ranked by sha256(id) (hex, ascending) and the first {@code floor(fraction·n + 0.5)} go to
     * validation. Both sides keep the input order.
     */
    public static Split stratifiedSplit(List<IntentExample> rows, double fraction) {
        return stratifiedSplit(rows, fraction, "");
    }

    /** As {@link #stratifiedSplit(List, double)} but ranked by sha256(salt + id): another, independent split. */
    public static Split stratifiedSplit(List<IntentExample> rows, double fraction, String salt) {
        Map<String, List<IntentExample>> byLabel = new LinkedHashMap<>();
        for (IntentExample r : rows) {
            byLabel.computeIfAbsent(r.label(), l -> new ArrayList<>()).add(r);
        }
        java.util.Set<String> validationIds = new java.util.HashSet<>();
        for (List<IntentExample> group : byLabel.values()) {
            List<IntentExample> ranked = new ArrayList<>(group);
            ranked.sort(Comparator.comparing(r -> sha256Hex(salt + r.id())));
            int quota = (int) Math.floor(fraction * group.size() + 0.5);
            for (int i = 0; i < quota; i++) {
                validationIds.add(ranked.get(i).id());
            }
        }
        List<IntentExample> train = new ArrayList<>();
        List<IntentExample> validation = new ArrayList<>();
        for (IntentExample r : rows) {
            (validationIds.contains(r.id()) ? validation : train).add(r);
        }
        return new Split(List.copyOf(train), List.copyOf(validation));
    }

    public static void write(List<IntentExample> rows, Path file) {
        try {
            Files.createDirectories(file.toAbsolutePath().getParent());
            try (BufferedWriter w = Files.newBufferedWriter(file, StandardCharsets.UTF_8)) {
                for (IntentExample r : rows) {
                    ObjectNode o = JSON.createObjectNode();
                    o.put("id", r.id());
                    o.put("text", r.text());
                    o.put("label", r.label());
                    o.put("source", r.source());
                    o.put("license", r.license());
                    w.write(JSON.writeValueAsString(o));
                    w.write('\n');
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot write " + file, e);
        }
    }

    static String sha256Hex(String s) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(s.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
