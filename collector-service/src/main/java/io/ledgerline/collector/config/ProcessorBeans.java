package io.ledgerline.collector.config;

import io.ledgerline.collector.processor.CallFinisher;
import io.ledgerline.collector.processor.ContentSanitizer;
import io.ledgerline.collector.processor.exchange.ExchangeParser;
import io.ledgerline.collector.processor.tokens.TokenCounter;
import io.ledgerline.collector.processor.tokens.UsageReconciler;
import io.ledgerline.collector.receiver.exchange.ExchangeConverter;
import jakarta.inject.Singleton;
import jakarta.enterprise.inject.Produces;

/** Wires the plain processor classes (pure logic, no Quarkus inside) as beans. */
public class ProcessorBeans {

    @Produces
    @Singleton
    ContentSanitizer contentSanitizer() {
        return new ContentSanitizer();
    }

    @Produces
    @Singleton
    CallFinisher callFinisher(ContentSanitizer sanitizer) {
        return new CallFinisher(new UsageReconciler(new TokenCounter()), sanitizer);
    }

    @Produces
    @Singleton
    ExchangeConverter exchangeConverter() {
        return new ExchangeConverter(new ExchangeParser());
    }
}
