package io.ledgerline.collector.processor;

import io.ledgerline.collector.auth.ProjectRef;
import io.ledgerline.contracts.CallRecordBuilder;
import io.ledgerline.contracts.Source;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.UUID;

/**
 * Assigns the identity of a captured call (DESIGN.md §3). The callId is deterministic, so a retried delivery of the
 * same call gets the same id and every later stage ignores the repeat: derived from tenant + source + the client's
 * own id when it gave one, else from tenant + source + traceId + spanId, else from the exchange's content.
 */
public final class CallIdentity {
    private CallIdentity() {
    }

    public static void assign(CallRecordBuilder call, ProjectRef project, Source source, String clientCallId,
            String contentFingerprint) {
        call.tenantId(project.tenantId()).projectId(project.projectId()).source(source);
        String basis;
        if (clientCallId != null && !clientCallId.isBlank()) {
            basis = "client|" + clientCallId;
        } else if (call.traceId() != null && call.spanId() != null) {
            basis = "span|" + call.traceId() + "|" + call.spanId();
        } else {
            basis = "content|" + sha256Hex(contentFingerprint);
        }
        String callId = UUID.nameUUIDFromBytes(
                (project.tenantId() + "|" + source.wire() + "|" + basis).getBytes(StandardCharsets.UTF_8)).toString();
        call.callId(callId);
        if (call.traceId() == null) {
            call.traceId(callId.replace("-", ""));
        }
        if (call.spanId() == null) {
            call.spanId(sha256Hex(callId).substring(0, 16));
        }
        if (call.logicalRequestId() == null) {
            call.logicalRequestId(callId);
        }
    }

    static String sha256Hex(String text) {
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(digest);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is missing from this JVM", e);
        }
    }
}
