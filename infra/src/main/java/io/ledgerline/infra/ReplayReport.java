package io.ledgerline.infra;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/** What the collector said about a replay: the call ids it assigned and each rejection with its source. */
public final class ReplayReport {

    public record Rejection(String file, int index, String field, String reason) {
        @Override
        public String toString() {
            return file + " #" + index + ": " + (field == null || field.isBlank() ? "" : field + ": ") + reason;
        }
    }

    private final Set<String> acceptedCallIds = new LinkedHashSet<>();
    private final List<Rejection> rejections = new ArrayList<>();
    private int sent;
    private int acceptedItems;

    /**
     * Records the collector's answer to one batch ({@code 200}, {@code 207} or {@code 422} with
     * {@code {"accepted","rejected","results":[{"index","callId"}|{"index","error":{"field","reason"}}]}}).
     * Items the answer does not mention count as rejected.
     */
    public void add(List<ExchangeSource.Item> batch, int status, JsonNode answer) {
        sent += batch.size();
        boolean[] seen = new boolean[batch.size()];
        JsonNode results = answer == null ? null : answer.path("results");
        if (results != null && results.isArray()) {
            for (JsonNode result : results) {
                int index = result.path("index").asInt(-1);
                if (index < 0 || index >= batch.size() || seen[index]) {
                    continue;
                }
                seen[index] = true;
                ExchangeSource.Item item = batch.get(index);
                if (result.hasNonNull("callId")) {
                    acceptedItems++;
                    acceptedCallIds.add(result.get("callId").asText());
                } else {
                    JsonNode error = result.path("error");
                    rejections.add(new Rejection(item.file(), item.index(),
                            error.path("field").asText(null), error.path("reason").asText("rejected without a reason")));
                }
            }
        }
        for (int i = 0; i < batch.size(); i++) {
            if (!seen[i]) {
                ExchangeSource.Item item = batch.get(i);
                rejections.add(new Rejection(item.file(), item.index(), null,
                        "no per-item answer (HTTP " + status + ")"));
            }
        }
    }

    public int sent() {
        return sent;
    }

    public int acceptedItems() {
        return acceptedItems;
    }

    public Set<String> acceptedCallIds() {
        return Set.copyOf(acceptedCallIds);
    }

    public List<Rejection> rejections() {
        return List.copyOf(rejections);
    }

    public String describe() {
        StringBuilder out = new StringBuilder();
        out.append("Replayed ").append(sent).append(" exchanges: ").append(acceptedItems).append(" accepted (")
                .append(acceptedCallIds.size()).append(" distinct call ids), ").append(rejections.size())
                .append(" rejected\n");
        for (Rejection rejection : rejections) {
            out.append("  rejected ").append(rejection).append('\n');
        }
        return out.toString();
    }
}
