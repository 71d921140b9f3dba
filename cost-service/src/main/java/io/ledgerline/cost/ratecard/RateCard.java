package io.ledgerline.cost.ratecard;

import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * One version of the default rate card: its label, the instant from which it is in force, and its rows, indexed
 * for lookup. Immutable.
 *
 * <p>A new version is made by {@link #mergeNewer}: importing a newer price file is a merge, not a replacement. A
 * model the newer file no longer lists (or lists only with a quarantined price) keeps its last known price, marked
 * {@link ModelPrice#carriedForward() carried forward}: a retired model does not make its past or late-arriving
 * calls free or unpriced.
 */
public final class RateCard {

    private final String version;
    private final Instant effectiveFrom;
    private final List<ModelPrice> entries;
    private final PriceIndex index;

    public RateCard(String version, Instant effectiveFrom, List<ModelPrice> entries) {
        this.version = Objects.requireNonNull(version, "version");
        this.effectiveFrom = Objects.requireNonNull(effectiveFrom, "effectiveFrom");
        this.entries = List.copyOf(entries);
        this.index = new PriceIndex(this.entries);
    }

    /** The next version: every row of {@code newer}, plus this card's rows that {@code newer} lacks, carried forward. */
    public RateCard mergeNewer(String newerVersion, Instant newerEffectiveFrom, List<ModelPrice> newer) {
        if (!newerEffectiveFrom.isAfter(effectiveFrom)) {
            throw new IllegalArgumentException("version " + newerVersion + " must take effect after " + version
                    + " (" + effectiveFrom + "), not at " + newerEffectiveFrom);
        }
        Map<RowKey, ModelPrice> merged = new LinkedHashMap<>();
        for (ModelPrice price : newer) {
            merged.put(RowKey.of(price), price);
        }
        for (ModelPrice price : entries) {
            merged.putIfAbsent(RowKey.of(price), price.carriedForward() ? price : price.asCarriedForward());
        }
        return new RateCard(newerVersion, newerEffectiveFrom, new ArrayList<>(merged.values()));
    }

    public String version() {
        return version;
    }

    public Instant effectiveFrom() {
        return effectiveFrom;
    }

    public List<ModelPrice> entries() {
        return entries;
    }

    public PriceIndex index() {
        return index;
    }

    private record RowKey(String provider, String model) {
        static RowKey of(ModelPrice price) {
            return new RowKey(price.provider(), price.model());
        }
    }
}
