package io.ledgerline.cost.ratecard;

import java.time.Instant;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;

/**
 * All versions of the default rate card. A call is priced with the version in force at its start time
 * (DESIGN.md §5), so a new price never rewrites history.
 */
public final class RateCardHistory {

    private final List<RateCard> versionsNewestFirst;

    public RateCardHistory(List<RateCard> versions) {
        this.versionsNewestFirst = versions.stream()
                .sorted(Comparator.comparing(RateCard::effectiveFrom).reversed())
                .toList();
    }

    /** The latest version whose {@code effectiveFrom} is not after {@code instant}; empty before the first one. */
    public Optional<RateCard> inForceAt(Instant instant) {
        return versionsNewestFirst.stream()
                .filter(card -> !card.effectiveFrom().isAfter(instant))
                .findFirst();
    }
}
