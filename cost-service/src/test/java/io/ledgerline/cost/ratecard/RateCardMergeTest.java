package io.ledgerline.cost.ratecard;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;

import static io.ledgerline.cost.MoneyAssertions.assertAmount;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Importing the 2025-06 snapshot, then the 2026-07 one, is a merge. */
class RateCardMergeTest {

    private static BundledPriceFiles.Loaded loaded;

    @BeforeAll
    static void load() {
        loaded = BundledPriceFiles.load();
    }

    @Test
    void aModelOnlyTheOlderSnapshotListsKeepsItsLastKnownPrice() {
        // claude-3-5-haiku-20241022 is the model of recorded Anthropic calls (data/recorded-calls/openllmetry/anthropic);
        // the 2026-07 file no longer
        // lists it. 2025-06 file: input 8e-07, output 4e-06, cache write 1e-06, cache read 8e-08.
        RateCard latest = loaded.latest();
        ModelPrice haiku = latest.index().exact("anthropic", "claude-3-5-haiku-20241022").orElseThrow();
        assertTrue(haiku.carriedForward());
        assertEquals("litellm-2025-06-28", haiku.lastSeenIn());
        assertAmount("0.0000008", haiku.input());
        assertAmount("0.000004", haiku.output());
        assertAmount("0.000001", haiku.cacheWrite());
        assertAmount("0.00000008", haiku.cacheRead());
        // groq/llama3-8b-8192 (recorded Groq calls ask for llama3-8b-8192) likewise: 5e-08 / 8e-08
        ModelPrice llama = latest.index().exact("groq", "groq/llama3-8b-8192").orElseThrow();
        assertTrue(llama.carriedForward());
        assertAmount("0.00000005", llama.input());
    }

    @Test
    void aModelBothListTakesTheNewerPrice() {
        // gpt-3.5-turbo: 2025-06 file 1.5e-06 / 2e-06, 2026-07 file 5e-07 / 1.5e-06
        ModelPrice turbo = loaded.latest().index().exact("openai", "gpt-3.5-turbo").orElseThrow();
        assertFalse(turbo.carriedForward());
        assertEquals("litellm-2026-07-24", turbo.lastSeenIn());
        assertAmount("0.0000005", turbo.input());
        assertAmount("0.0000015", turbo.output());
        // and the older version still holds the older price
        ModelPrice old = loaded.versions().get(0).index().exact("openai", "gpt-3.5-turbo").orElseThrow();
        assertAmount("0.0000015", old.input());
    }

    @Test
    void theMergedCardHoldsEveryRowOfBothFilesOnce() {
        RateCard first = loaded.versions().get(0);
        RateCard latest = loaded.latest();
        long carried = latest.entries().stream().filter(ModelPrice::carriedForward).count();
        assertEquals(loaded.imports().get(1).accepted().size() + carried, latest.entries().size());
        assertTrue(carried > 0 && carried < first.entries().size());
        assertTrue(first.entries().stream().noneMatch(ModelPrice::carriedForward));
    }

    @Test
    void aCallIsPricedWithTheVersionInForceAtItsStart() {
        RateCardHistory history = loaded.history();
        assertEquals("litellm-2025-06-28", history.inForceAt(Instant.parse("2026-01-01T00:00:00Z")).orElseThrow()
                .version());
        assertEquals("litellm-2026-07-24", history.inForceAt(Instant.parse("2026-07-24T18:23:43Z")).orElseThrow()
                .version());
        assertTrue(history.inForceAt(Instant.parse("2025-01-01T00:00:00Z")).isEmpty());
    }

    @Test
    void aRowCarriedForwardTwiceKeepsWhereItWasLastSeen() {
        ModelPrice retired = ModelPrice.of("openai", "retired-model", new BigDecimal("1e-06"),
                new BigDecimal("2e-06"), null, null, "v1");
        RateCard v1 = new RateCard("v1", Instant.parse("2025-01-01T00:00:00Z"), List.of(retired));
        RateCard v3 = v1.mergeNewer("v2", Instant.parse("2025-02-01T00:00:00Z"), List.of())
                .mergeNewer("v3", Instant.parse("2025-03-01T00:00:00Z"), List.of());
        ModelPrice kept = v3.index().exact("openai", "retired-model").orElseThrow();
        assertTrue(kept.carriedForward());
        assertEquals("v1", kept.lastSeenIn());
    }

    @Test
    void aNewerVersionMustTakeEffectLater() {
        RateCard v1 = new RateCard("v1", Instant.parse("2025-01-01T00:00:00Z"), List.of());
        assertThrows(IllegalArgumentException.class,
                () -> v1.mergeNewer("v0", Instant.parse("2024-12-31T00:00:00Z"), List.of()));
    }
}
