package io.ledgerline.intent.service;

import io.ledgerline.contracts.CallRecord;
import io.ledgerline.contracts.IntentFacet;
import io.ledgerline.intent.model.IntentModel;
import io.ledgerline.intent.model.PromptText;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.Optional;

/** Classifies prompts: what is embedded, the embedding (batched, off the event loop), the head and tenant labels. */
@ApplicationScoped
public class IntentClassifier {

    static final String NO_USER_TURN = "the call has no user turn to classify";
    static final String EMPTY_TEXT = "the text is empty";

    private final EmbeddingBatcher batcher;
    private final IntentModel model;
    private final TenantLabels tenantLabels;
    private final PromptText promptText;
    private final IntentDecision decision;

    public IntentClassifier(EmbeddingBatcher batcher, IntentModel model, TenantLabels tenantLabels,
            PromptText promptText, IntentDecision decision) {
        this.batcher = batcher;
        this.model = model;
        this.tenantLabels = tenantLabels;
        this.promptText = promptText;
        this.decision = decision;
    }

    /** The intent facet of a captured call: its last user turn plus a system-prompt prefix. */
    public Uni<Classification> classify(CallRecord call) {
        CallText text = CallText.of(call);
        return classify(call.tenantId(), promptText.of(text.systemPrompt(), text.lastUserTurn()), NO_USER_TURN);
    }

    /** One ad-hoc text; {@code tenantId} may be null (then only the trained head answers). */
    public Uni<Classification> classify(String tenantId, String text) {
        return classify(tenantId, promptText.of(null, text), EMPTY_TEXT);
    }

    public String modelVersion() {
        return model.modelVersion();
    }

    public static IntentFacet facet(Classification c) {
        return new IntentFacet(c.label(), c.confidence(), c.modelVersion(), c.reason());
    }

    private Uni<Classification> classify(String tenantId, Optional<String> text, String whyNothing) {
        if (text.isEmpty()) {
            return Uni.createFrom().item(decision.nothingToClassify(whyNothing));
        }
        Uni<float[]> embedding = Uni.createFrom().completionStage(() -> batcher.submit(text.get()));
        return Uni.combine().all().unis(embedding, tenantLabels.index(tenantId)).asTuple()
                .map(t -> decision.decide(model.predict(t.getItem1()), t.getItem2().nearest(t.getItem1())));
    }
}
