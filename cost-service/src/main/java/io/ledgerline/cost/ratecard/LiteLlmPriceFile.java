package io.ledgerline.cost.ratecard;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;

import java.io.IOException;
import java.io.InputStream;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Reads LiteLLM's {@code model_prices_and_context_window.json} (USD per token) into rate-card rows.
 *
 * <ul>
 *   <li>Numbers are read as {@link BigDecimal} straight from the JSON text ({@code 2.5e-06} stays exact).</li>
 *   <li>A row is imported when it has {@code input_cost_per_token} or {@code output_cost_per_token}; rows priced only
 *       per image, pixel, second, character, query or page, and the {@code sample_spec} documentation entry, are
 *       skipped and counted by reason (they are not token prices; they are not errors either).</li>
 *   <li>Imported fields: input, output, {@code cache_read_input_token_cost}, {@code cache_creation_input_token_cost}
 *       (the 5-minute cache write), {@code output_cost_per_reasoning_token}, the {@code *_above_<N>k_tokens} tiers of
 *       those four token prices, and a per-request fee from {@code input_cost_per_request} (or, for {@code rerank}
 *       rows, {@code input_cost_per_query}: one rerank call is one query). Batch, priority, flex, audio and 1-hour
 *       cache prices are not imported.</li>
 *   <li>The provider is {@code litellm_provider}, normalised by {@link ProviderNames}; the model name is the key as
 *       listed (the {@link PriceIndex} also finds it without its provider prefix).</li>
 *   <li>Rows with implausible prices are quarantined by {@link PlausibilityCheck}; so are token-priced rows without
 *       a provider or with a price that is not a number.</li>
 * </ul>
 */
public final class LiteLlmPriceFile {

    private static final ObjectMapper JSON = JsonMapper.builder()
            .enable(DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS)
            .build();
    private static final Pattern TIER_FIELD = Pattern.compile(
            "^(input_cost_per_token|output_cost_per_token|cache_read_input_token_cost|cache_creation_input_token_cost)"
                    + "_above_(\\d+)k_tokens$");
    private static final List<String> TOKEN_PRICE_FIELDS = List.of("input_cost_per_token", "output_cost_per_token");
    private static final String DOCUMENTATION_KEY = "sample_spec";

    private LiteLlmPriceFile() {
    }

    public static PriceFileImport read(InputStream json, String version) throws IOException {
        JsonNode root = JSON.readTree(json);
        List<ModelPrice> candidates = new ArrayList<>();
        List<QuarantinedRow> quarantined = new ArrayList<>();
        Map<String, Integer> skipped = new TreeMap<>();
        for (Iterator<Map.Entry<String, JsonNode>> rows = root.fields(); rows.hasNext(); ) {
            Map.Entry<String, JsonNode> row = rows.next();
            String key = row.getKey();
            JsonNode fields = row.getValue();
            if (key.equals(DOCUMENTATION_KEY)) {
                skipped.merge("documentation entry (sample_spec)", 1, Integer::sum);
            } else if (!fields.isObject() || TOKEN_PRICE_FIELDS.stream().noneMatch(fields::has)) {
                skipped.merge(skipReason(fields), 1, Integer::sum);
            } else {
                String problem = problemWith(fields);
                if (problem != null) {
                    quarantined.add(new QuarantinedRow(key, fields.path("litellm_provider").asText(null), problem));
                } else {
                    candidates.add(toModelPrice(key, fields, version));
                }
            }
        }
        PlausibilityCheck.Outcome checked = PlausibilityCheck.check(candidates);
        quarantined.addAll(checked.quarantined());
        return new PriceFileImport(version, checked.accepted(), quarantined, skipped);
    }

    private static String problemWith(JsonNode fields) {
        if (!fields.path("litellm_provider").isTextual()) {
            return "no litellm_provider";
        }
        for (Iterator<Map.Entry<String, JsonNode>> it = fields.fields(); it.hasNext(); ) {
            Map.Entry<String, JsonNode> field = it.next();
            if (isImported(field.getKey()) && !field.getValue().isNumber() && !field.getValue().isNull()) {
                return field.getKey() + " is not a number: " + field.getValue();
            }
        }
        return null;
    }

    private static boolean isImported(String field) {
        return TOKEN_PRICE_FIELDS.contains(field)
                || field.equals("cache_read_input_token_cost")
                || field.equals("cache_creation_input_token_cost")
                || field.equals("output_cost_per_reasoning_token")
                || field.equals("input_cost_per_request")
                || TIER_FIELD.matcher(field).matches();
    }

    private static ModelPrice toModelPrice(String key, JsonNode fields, String version) {
        String mode = fields.path("mode").asText(null);
        BigDecimal perRequestFee = decimal(fields, "input_cost_per_request");
        if (perRequestFee == null && "rerank".equals(mode)) {
            perRequestFee = decimal(fields, "input_cost_per_query");
        }
        return new ModelPrice(
                ProviderNames.fromLiteLlm(fields.get("litellm_provider").asText()),
                key,
                mode,
                decimal(fields, "input_cost_per_token"),
                decimal(fields, "output_cost_per_token"),
                decimal(fields, "cache_read_input_token_cost"),
                decimal(fields, "cache_creation_input_token_cost"),
                decimal(fields, "output_cost_per_reasoning_token"),
                perRequestFee,
                tiers(fields),
                false,
                version);
    }

    private static List<PriceTier> tiers(JsonNode fields) {
        Map<Long, Map<String, BigDecimal>> pricesByThreshold = new TreeMap<>();
        for (Iterator<Map.Entry<String, JsonNode>> it = fields.fields(); it.hasNext(); ) {
            Map.Entry<String, JsonNode> field = it.next();
            Matcher tier = TIER_FIELD.matcher(field.getKey());
            if (tier.matches() && field.getValue().isNumber()) {
                long threshold = Long.parseLong(tier.group(2)) * 1000;
                pricesByThreshold.computeIfAbsent(threshold, t -> new TreeMap<>())
                        .put(tier.group(1), field.getValue().decimalValue());
            }
        }
        List<PriceTier> tiers = new ArrayList<>();
        pricesByThreshold.forEach((threshold, prices) -> tiers.add(new PriceTier(threshold,
                prices.get("input_cost_per_token"),
                prices.get("output_cost_per_token"),
                prices.get("cache_read_input_token_cost"),
                prices.get("cache_creation_input_token_cost"))));
        return tiers;
    }

    private static BigDecimal decimal(JsonNode fields, String name) {
        JsonNode value = fields.get(name);
        return value != null && value.isNumber() ? value.decimalValue() : null;
    }

    private static String skipReason(JsonNode fields) {
        List<String> names = new ArrayList<>();
        fields.fieldNames().forEachRemaining(names::add);
        if (names.stream().anyMatch(n -> n.contains("per_image") || n.contains("per_pixel"))) {
            return "not token-priced: per image";
        }
        if (names.stream().anyMatch(n -> n.contains("per_second"))) {
            return "not token-priced: per second";
        }
        if (names.stream().anyMatch(n -> n.contains("per_character"))) {
            return "not token-priced: per character";
        }
        if (names.stream().anyMatch(n -> n.contains("per_query") || n.contains("per_page") || n.contains("per_credit"))) {
            return "not token-priced: per query or page";
        }
        return "no token price";
    }
}
