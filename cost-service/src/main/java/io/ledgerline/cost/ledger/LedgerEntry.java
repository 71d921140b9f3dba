package io.ledgerline.cost.ledger;

import io.ledgerline.contracts.CallRecord;
import io.ledgerline.contracts.Usage;
import java.time.Instant;

/**
 * A priced call as the ledger stores it: the record with its cost facet, plus what a person needs to re-derive the
 * figure (the prices used and how the model was matched, and the NCU settings in force).
 */
public record LedgerEntry(CallRecord call, String priceUsedJson, String ncuSettingsJson) {

    private static final long BUCKET_SECONDS = 15 * 60;

    /** The start of the 15-minute roll-up bucket the call falls in. */
    public Instant bucketStart() {
        long seconds = call.startTime().getEpochSecond();
        return Instant.ofEpochSecond(seconds - Math.floorMod(seconds, BUCKET_SECONDS));
    }

    /** Where the buckets' figures come from: the source of the output bucket, else of the input bucket. */
    public String usageSource() {
        Usage usage = call.usage();
        if (usage.outputTokens() != null) {
            return usage.outputTokens().source().wire();
        }
        return usage.inputTokens() == null ? "reported" : usage.inputTokens().source().wire();
    }

    public boolean tokenDiscrepancy() {
        return call.usage().discrepancy() != null && call.usage().discrepancy().any();
    }
}
