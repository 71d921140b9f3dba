package io.ledgerline.contracts;

import com.fasterxml.jackson.annotation.JsonProperty;

/** How a call reached the collector. */
public enum Source {
    @JsonProperty("otlp") OTLP,
    @JsonProperty("api") API,
    @JsonProperty("proxy") PROXY;

    public String wire() {
        return name().toLowerCase(java.util.Locale.ROOT);
    }
}
