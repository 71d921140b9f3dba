package io.ledgerline.collector.config;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import java.util.Optional;

@ConfigMapping(prefix = "ledgerline")
public interface CollectorConfig {

    Ingest ingest();

    Bootstrap bootstrap();

    interface Ingest {
        /** Largest request body accepted, in bytes; larger ones get 413. */
        @WithDefault("8388608")
        int maxBodyBytes();

        /** Most items (exchanges, calls) in one request. */
        @WithDefault("1000")
        int maxItems();
    }

    /** A project created at start-up, with its API key (the local stack's demo project). */
    interface Bootstrap {
        Optional<String> tenant();

        Optional<String> project();

        Optional<String> apiKey();
    }
}
