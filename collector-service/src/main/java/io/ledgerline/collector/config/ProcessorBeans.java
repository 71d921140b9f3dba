package io.ledgerline.collector.config;

import io.ledgerline.collector.processor.CallFinisher;
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
    CallFinisher callFinisher() {
        return new CallFinisher(new UsageReconciler(new TokenCounter()));
    }

    @Produces
    @Singleton
    ExchangeConverter exchangeConverter() {
        return new ExchangeConverter(new ExchangeParser());
    }
}
