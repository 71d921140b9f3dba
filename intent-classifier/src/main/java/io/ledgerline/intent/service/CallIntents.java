package io.ledgerline.intent.service;

import io.ledgerline.contracts.CallRecord;
import io.ledgerline.contracts.IntentFacet;
import io.ledgerline.intent.repository.CallIntentRepository;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;

/**
 * The intent of a call, decided once: a call classified before gets its stored answer back (the store keeps the
 * first answer). A redelivered call is classified again before the store says so, which costs little: its text is
 * in the embedding cache.
 */
@ApplicationScoped
public class CallIntents {
    private final IntentClassifier classifier;
    private final CallIntentRepository repository;

    public CallIntents(IntentClassifier classifier, CallIntentRepository repository) {
        this.classifier = classifier;
        this.repository = repository;
    }

    public Uni<IntentFacet> intentOf(CallRecord call) {
        return classifier.classify(call).chain(c -> repository.storeFirst(call.tenantId(), call.callId(),
                IntentClassifier.facet(c), c.source()));
    }
}
