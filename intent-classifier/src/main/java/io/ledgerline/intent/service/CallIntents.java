package io.ledgerline.intent.service;

import io.ledgerline.contracts.CallRecord;
import io.ledgerline.contracts.IntentFacet;
import io.ledgerline.intent.repository.CallIntentRepository;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;

/** The intent of a call, decided once: a call classified before gets its stored answer back. */
@ApplicationScoped
public class CallIntents {
    private final IntentClassifier classifier;
    private final CallIntentRepository repository;

    public CallIntents(IntentClassifier classifier, CallIntentRepository repository) {
        this.classifier = classifier;
        this.repository = repository;
    }

    public Uni<IntentFacet> intentOf(CallRecord call) {
        return repository.find(call.tenantId(), call.callId()).chain(stored -> stored.isPresent()
                ? Uni.createFrom().item(stored.get())
                : classifier.classify(call).chain(c -> repository.storeFirst(call.tenantId(), call.callId(),
                        IntentClassifier.facet(c), c.source())));
    }
}
