package io.ledgerline.cost.ratecard;

import java.util.Collection;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * Looks up prices of one provider by model name, three ways: the listed name exactly, the listed name ignoring
 * case, and the listed name without its provider prefix ({@code azure/gpt-4o} is also found as {@code gpt-4o},
 * {@code openrouter/openai/gpt-4o} as {@code openai/gpt-4o}). When two rows give the same case-insensitive or
 * unprefixed name, the first listed wins.
 */
public final class PriceIndex {

    private final Map<String, Map<String, ModelPrice>> exact = new HashMap<>();
    private final Map<String, Map<String, ModelPrice>> ignoringCase = new HashMap<>();
    private final Map<String, Map<String, ModelPrice>> unprefixed = new HashMap<>();

    public PriceIndex(Collection<ModelPrice> prices) {
        for (ModelPrice price : prices) {
            exact.computeIfAbsent(price.provider(), p -> new HashMap<>()).put(price.model(), price);
            ignoringCase.computeIfAbsent(price.provider(), p -> new HashMap<>())
                    .putIfAbsent(lower(price.model()), price);
            withoutProviderPrefix(price).ifPresent(name -> unprefixed
                    .computeIfAbsent(price.provider(), p -> new HashMap<>())
                    .putIfAbsent(lower(name), price));
        }
    }

    public Optional<ModelPrice> exact(String provider, String model) {
        return find(exact, provider, model);
    }

    public Optional<ModelPrice> ignoringCase(String provider, String model) {
        return find(ignoringCase, provider, lower(model));
    }

    public Optional<ModelPrice> withoutProviderPrefix(String provider, String model) {
        return find(unprefixed, provider, lower(model));
    }

    /** The listed name minus a first path segment that names the row's own provider. */
    static Optional<String> withoutProviderPrefix(ModelPrice price) {
        int slash = price.model().indexOf('/');
        if (slash <= 0 || slash == price.model().length() - 1) {
            return Optional.empty();
        }
        String prefix = price.model().substring(0, slash);
        return ProviderNames.fromLiteLlm(prefix).equals(price.provider())
                ? Optional.of(price.model().substring(slash + 1))
                : Optional.empty();
    }

    private static Optional<ModelPrice> find(Map<String, Map<String, ModelPrice>> byProvider, String provider,
                                             String model) {
        return Optional.ofNullable(byProvider.getOrDefault(provider, Map.of()).get(model));
    }

    private static String lower(String name) {
        return name.toLowerCase(Locale.ROOT);
    }
}
