package io.ledgerline.collector.processor;

import io.ledgerline.collector.auth.ProjectRef;
import io.ledgerline.collector.processor.tokens.UsageReconciler;
import io.ledgerline.contracts.CallRecord;
import io.ledgerline.contracts.CallRecordBuilder;
import io.ledgerline.contracts.CallRecordCodec;
import io.ledgerline.contracts.Source;
import java.time.Duration;

/**
 * The last step every intake shares: count and reconcile tokens, assign the identity, fill derived timing, clean the
 * content ({@link ContentSanitizer}), and check the record against the schema.
 */
public final class CallFinisher {
    private final UsageReconciler reconciler;
    private final ContentSanitizer sanitizer;

    public CallFinisher(UsageReconciler reconciler, ContentSanitizer sanitizer) {
        this.reconciler = reconciler;
        this.sanitizer = sanitizer;
    }

    public CallRecord finish(CallRecordBuilder call, ProjectRef project, Source source, String clientCallId,
            String contentFingerprint) {
        reconciler.apply(call);
        CallIdentity.assign(call, project, source, clientCallId, contentFingerprint);
        if (call.latencyMs() == null && call.startTime() != null && call.endTime() != null) {
            call.latencyMs(Math.max(0, Duration.between(call.startTime(), call.endTime()).toMillis()));
        }
        CallRecord record = sanitizer.call(call.build());
        CallRecordCodec.validate(record);
        return record;
    }
}
