package io.ledgerline.contracts;

import com.fasterxml.jackson.annotation.JsonProperty;

public enum CallStatus {
    @JsonProperty("ok") OK,
    @JsonProperty("error") ERROR;

    public String wire() {
        return name().toLowerCase(java.util.Locale.ROOT);
    }
}
