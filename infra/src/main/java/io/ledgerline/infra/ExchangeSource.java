package io.ledgerline.infra;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

/**
 * Reads every exchange in a folder, recursively and in path order: decoded cassettes ({@code *.decoded.json}) are
 * converted; exchange files ({@code *.exchange.json}, one exchange object or an array) are sent as they are.
 */
public final class ExchangeSource {

    /** One exchange and where it came from (for reporting rejections). */
    public record Item(String file, int index, ObjectNode exchange) {
    }

    private final ObjectMapper mapper;

    public ExchangeSource(ObjectMapper mapper) {
        this.mapper = mapper;
    }

    public List<Item> read(Path folder, Instant replayTime) {
        if (!Files.isDirectory(folder)) {
            throw new IllegalArgumentException("not a folder: " + folder);
        }
        List<Path> files;
        try (Stream<Path> walk = Files.walk(folder)) {
            files = walk.filter(Files::isRegularFile)
                    .filter(p -> isCassette(p) || isExchangeFile(p))
                    .sorted()
                    .toList();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot list " + folder, e);
        }
        List<Item> items = new ArrayList<>();
        for (Path file : files) {
            String relative = folder.relativize(file).toString().replace('\\', '/');
            JsonNode json;
            try {
                json = mapper.readTree(file.toFile());
            } catch (IOException e) {
                throw new IllegalArgumentException("cannot parse " + file + ": " + e.getMessage(), e);
            }
            if (isCassette(file)) {
                List<ObjectNode> exchanges = CassetteConverter.convert(json, relative, replayTime);
                for (int i = 0; i < exchanges.size(); i++) {
                    items.add(new Item(relative, i, exchanges.get(i)));
                }
            } else if (json.isArray()) {
                for (int i = 0; i < json.size(); i++) {
                    items.add(new Item(relative, i, requireObject(json.get(i), relative)));
                }
            } else {
                items.add(new Item(relative, 0, requireObject(json, relative)));
            }
        }
        return items;
    }

    private static ObjectNode requireObject(JsonNode node, String file) {
        if (node instanceof ObjectNode object) {
            return object;
        }
        throw new IllegalArgumentException(file + ": an exchange file holds one exchange object or an array of them");
    }

    static boolean isCassette(Path file) {
        return file.getFileName().toString().endsWith(".decoded.json");
    }

    static boolean isExchangeFile(Path file) {
        return file.getFileName().toString().endsWith(".exchange.json");
    }
}
