package io.ledgerline.cost.ratecard;

import java.util.List;
import java.util.Map;

/**
 * The outcome of reading one price file: the rows accepted into the rate card, the rows quarantined (implausible
 * prices, never billed), and the rows skipped because they are not priced per token, counted by reason.
 */
public record PriceFileImport(
        String version,
        List<ModelPrice> accepted,
        List<QuarantinedRow> quarantined,
        Map<String, Integer> skippedByReason) {

    public PriceFileImport {
        accepted = List.copyOf(accepted);
        quarantined = List.copyOf(quarantined);
        skippedByReason = Map.copyOf(skippedByReason);
    }

    public int skipped() {
        return skippedByReason.values().stream().mapToInt(Integer::intValue).sum();
    }
}
