package io.ledgerline.contracts;

import com.fasterxml.jackson.annotation.JsonProperty;

/**
 * Where a token figure comes from (DESIGN.md §3): the provider's own usage, our tokenizer for that model family,
 * or an estimate (a tokenizer of another family, or hidden tokens we cannot see).
 */
public enum TokenSource {
    @JsonProperty("reported") REPORTED,
    @JsonProperty("counted") COUNTED,
    @JsonProperty("estimated") ESTIMATED;

    public String wire() {
        return name().toLowerCase(java.util.Locale.ROOT);
    }
}
