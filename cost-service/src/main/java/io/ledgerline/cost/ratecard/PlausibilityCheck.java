package io.ledgerline.cost.ratecard;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Function;
import java.util.stream.Stream;

/**
 * Keeps implausible per-token prices out of the rate card (DESIGN.md §5). A negative price is always quarantined;
 * then two rules, applied in this order:
 * <ol>
 *   <li><b>ceiling</b>: any per-token price (base or tier) above {@value #CEILING_TEXT} USD is quarantined; no text
 *       model costs $1,000 per million tokens, so such a row holds a per-thousand or per-million price written as
 *       per-token;</li>
 *   <li><b>same model elsewhere</b>: among the rows that passed the ceiling, rows of the same model (by
 *       {@link ModelFamily}) are compared bucket by bucket; a row whose positive price is at least
 *       {@value #SUSPICIOUS_RATIO}× the median of the other rows' positive prices for that bucket is quarantined.
 *       Only "too high" is flagged: a unit error of this kind inflates the price, and with two rows only the dearer
 *       one can be the error. The median of an even count is its lower middle value (no division needed).</li>
 * </ol>
 * Free (zero) prices never take part in the comparison.
 */
final class PlausibilityCheck {

    static final String CEILING_TEXT = "0.001";
    static final int SUSPICIOUS_RATIO = 100;
    private static final BigDecimal CEILING = new BigDecimal(CEILING_TEXT);
    private static final BigDecimal RATIO = BigDecimal.valueOf(SUSPICIOUS_RATIO);

    record Outcome(List<ModelPrice> accepted, List<QuarantinedRow> quarantined) {
    }

    private enum Bucket {
        INPUT("input", ModelPrice::input),
        OUTPUT("output", ModelPrice::output),
        CACHE_READ("cache read", ModelPrice::cacheRead),
        CACHE_WRITE("cache write", ModelPrice::cacheWrite),
        REASONING("reasoning", ModelPrice::reasoning);

        final String label;
        final Function<ModelPrice, BigDecimal> price;

        Bucket(String label, Function<ModelPrice, BigDecimal> price) {
            this.label = label;
            this.price = price;
        }
    }

    private PlausibilityCheck() {
    }

    static Outcome check(List<ModelPrice> candidates) {
        List<QuarantinedRow> quarantined = new ArrayList<>();
        List<ModelPrice> underCeiling = new ArrayList<>();
        for (ModelPrice price : candidates) {
            BigDecimal highest = allPerTokenPrices(price).max(BigDecimal::compareTo).orElse(BigDecimal.ZERO);
            BigDecimal lowest = allPerTokenPrices(price).min(BigDecimal::compareTo).orElse(BigDecimal.ZERO);
            if (lowest.signum() < 0) {
                quarantined.add(new QuarantinedRow(price.model(), price.provider(),
                        "negative per-token price " + lowest.toPlainString() + " USD"));
            } else if (highest.compareTo(CEILING) > 0) {
                quarantined.add(new QuarantinedRow(price.model(), price.provider(), "per-token price "
                        + highest.toPlainString() + " USD is above the " + CEILING_TEXT
                        + " USD ceiling for text: a per-thousand or per-million price written as per-token"));
            } else {
                underCeiling.add(price);
            }
        }
        Map<String, List<ModelPrice>> byFamily = new HashMap<>();
        underCeiling.forEach(price -> byFamily.computeIfAbsent(ModelFamily.of(price.model()), f -> new ArrayList<>())
                .add(price));
        List<ModelPrice> accepted = new ArrayList<>();
        for (ModelPrice price : underCeiling) {
            List<ModelPrice> others = byFamily.get(ModelFamily.of(price.model())).stream()
                    .filter(other -> other != price)
                    .toList();
            firstOutlier(price, others).ifPresentOrElse(quarantined::add, () -> accepted.add(price));
        }
        return new Outcome(accepted, quarantined);
    }

    private static Optional<QuarantinedRow> firstOutlier(ModelPrice price, List<ModelPrice> others) {
        for (Bucket bucket : Bucket.values()) {
            BigDecimal own = bucket.price.apply(price);
            List<BigDecimal> elsewhere = others.stream()
                    .map(bucket.price)
                    .filter(PlausibilityCheck::positive)
                    .sorted()
                    .toList();
            if (!positive(own) || elsewhere.isEmpty()) {
                continue;
            }
            BigDecimal median = elsewhere.get((elsewhere.size() - 1) / 2);
            if (own.compareTo(median.multiply(RATIO)) >= 0) {
                return Optional.of(new QuarantinedRow(price.model(), price.provider(), bucket.label
                        + " price " + own.toPlainString() + " USD/token is at least " + SUSPICIOUS_RATIO
                        + "x the median " + median.toPlainString() + " of the same model ("
                        + ModelFamily.of(price.model()) + ") in " + elsewhere.size()
                        + " other row(s): a per-million or per-thousand price written as per-token"));
            }
        }
        return Optional.empty();
    }

    private static Stream<BigDecimal> allPerTokenPrices(ModelPrice price) {
        Stream<BigDecimal> base = Stream.of(price.input(), price.output(), price.cacheRead(), price.cacheWrite(),
                price.reasoning());
        Stream<BigDecimal> tiers = price.tiers().stream()
                .flatMap(tier -> Stream.of(tier.input(), tier.output(), tier.cacheRead(), tier.cacheWrite()));
        return Stream.concat(base, tiers).filter(Objects::nonNull);
    }

    private static boolean positive(BigDecimal value) {
        return value != null && value.signum() > 0;
    }
}
