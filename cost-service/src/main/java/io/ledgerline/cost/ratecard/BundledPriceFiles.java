package io.ledgerline.cost.ratecard;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * The LiteLLM price snapshots shipped in {@code src/main/resources/pricing/} (see SOURCES.md there), imported oldest
 * first and merged into successive rate-card versions. Each version takes effect at its snapshot's sync time.
 */
public final class BundledPriceFiles {

    /** One shipped snapshot: its classpath resource, version label and the instant it takes effect. */
    public record Snapshot(String resource, String version, Instant effectiveFrom) {
    }

    public static final List<Snapshot> SNAPSHOTS = List.of(
            new Snapshot("/pricing/model_prices_and_context_window.litellm.2025-06-snapshot.json",
                    "litellm-2025-06-28", Instant.parse("2025-06-28T05:07:51Z")),
            new Snapshot("/pricing/model_prices_and_context_window.litellm.json",
                    "litellm-2026-07-24", Instant.parse("2026-07-24T18:23:43Z")));

    /** The import of every snapshot, and the rate-card versions they make, oldest first. */
    public record Loaded(List<PriceFileImport> imports, List<RateCard> versions) {

        public RateCard latest() {
            return versions.get(versions.size() - 1);
        }

        public RateCardHistory history() {
            return new RateCardHistory(versions);
        }
    }

    private BundledPriceFiles() {
    }

    public static Loaded load() {
        List<PriceFileImport> imports = new ArrayList<>();
        List<RateCard> versions = new ArrayList<>();
        for (Snapshot snapshot : SNAPSHOTS) {
            PriceFileImport imported = read(snapshot);
            imports.add(imported);
            versions.add(versions.isEmpty()
                    ? new RateCard(snapshot.version(), snapshot.effectiveFrom(), imported.accepted())
                    : versions.get(versions.size() - 1)
                            .mergeNewer(snapshot.version(), snapshot.effectiveFrom(), imported.accepted()));
        }
        return new Loaded(List.copyOf(imports), List.copyOf(versions));
    }

    public static PriceFileImport read(Snapshot snapshot) {
        try (InputStream json = BundledPriceFiles.class.getResourceAsStream(snapshot.resource())) {
            if (json == null) {
                throw new IllegalStateException("price file " + snapshot.resource() + " is not on the classpath");
            }
            return LiteLlmPriceFile.read(json, snapshot.version());
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read price file " + snapshot.resource(), e);
        }
    }
}
