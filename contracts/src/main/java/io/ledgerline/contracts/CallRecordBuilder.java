package io.ledgerline.contracts;

import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Builds a {@link CallRecord} step by step; used by the collector's parsers and by tests. */
public final class CallRecordBuilder {
    private int schemaVersion = CallRecord.SCHEMA_VERSION;
    private String callId;
    private String tenantId;
    private String projectId;
    private Source source;
    private String traceId;
    private String spanId;
    private String parentSpanId;
    private String provider;
    private String operation;
    private String requestModel;
    private String responseModel;
    private String endUser;
    private String sessionId;
    private String workflow;
    private boolean critical;
    private Map<String, String> tags = new LinkedHashMap<>();
    private Instant startTime;
    private Instant endTime;
    private Long latencyMs;
    private Long timeToFirstTokenMs;
    private boolean streaming;
    private CallStatus status = CallStatus.OK;
    private Integer httpStatus;
    private String errorType;
    private String finishReason;
    private int attempt;
    private String logicalRequestId;
    private List<ChatMessage> inputMessages;
    private List<ChatMessage> outputMessages;
    private boolean contentTruncated;
    private Usage usage;
    private IntentFacet intent;
    private EvaluationFacet evaluation;
    private CostFacet cost;

    public CallRecordBuilder() {
    }

    public static CallRecordBuilder from(CallRecord r) {
        CallRecordBuilder b = new CallRecordBuilder();
        b.schemaVersion = r.schemaVersion();
        b.callId = r.callId();
        b.tenantId = r.tenantId();
        b.projectId = r.projectId();
        b.source = r.source();
        b.traceId = r.traceId();
        b.spanId = r.spanId();
        b.parentSpanId = r.parentSpanId();
        b.provider = r.provider();
        b.operation = r.operation();
        b.requestModel = r.requestModel();
        b.responseModel = r.responseModel();
        b.endUser = r.endUser();
        b.sessionId = r.sessionId();
        b.workflow = r.workflow();
        b.critical = r.critical();
        b.tags = new LinkedHashMap<>(r.tags());
        b.startTime = r.startTime();
        b.endTime = r.endTime();
        b.latencyMs = r.latencyMs();
        b.timeToFirstTokenMs = r.timeToFirstTokenMs();
        b.streaming = r.streaming();
        b.status = r.status();
        b.httpStatus = r.httpStatus();
        b.errorType = r.errorType();
        b.finishReason = r.finishReason();
        b.attempt = r.attempt();
        b.logicalRequestId = r.logicalRequestId();
        b.inputMessages = r.inputMessages();
        b.outputMessages = r.outputMessages();
        b.contentTruncated = r.contentTruncated();
        b.usage = r.usage();
        b.intent = r.intent();
        b.evaluation = r.evaluation();
        b.cost = r.cost();
        return b;
    }

    public CallRecordBuilder schemaVersion(int schemaVersion) {
        this.schemaVersion = schemaVersion;
        return this;
    }

    public int schemaVersion() {
        return schemaVersion;
    }

    public CallRecordBuilder callId(String callId) {
        this.callId = callId;
        return this;
    }

    public String callId() {
        return callId;
    }

    public CallRecordBuilder tenantId(String tenantId) {
        this.tenantId = tenantId;
        return this;
    }

    public String tenantId() {
        return tenantId;
    }

    public CallRecordBuilder projectId(String projectId) {
        this.projectId = projectId;
        return this;
    }

    public String projectId() {
        return projectId;
    }

    public CallRecordBuilder source(Source source) {
        this.source = source;
        return this;
    }

    public Source source() {
        return source;
    }

    public CallRecordBuilder traceId(String traceId) {
        this.traceId = traceId;
        return this;
    }

    public String traceId() {
        return traceId;
    }

    public CallRecordBuilder spanId(String spanId) {
        this.spanId = spanId;
        return this;
    }

    public String spanId() {
        return spanId;
    }

    public CallRecordBuilder parentSpanId(String parentSpanId) {
        this.parentSpanId = parentSpanId;
        return this;
    }

    public String parentSpanId() {
        return parentSpanId;
    }

    public CallRecordBuilder provider(String provider) {
        this.provider = provider;
        return this;
    }

    public String provider() {
        return provider;
    }

    public CallRecordBuilder operation(String operation) {
        this.operation = operation;
        return this;
    }

    public String operation() {
        return operation;
    }

    public CallRecordBuilder requestModel(String requestModel) {
        this.requestModel = requestModel;
        return this;
    }

    public String requestModel() {
        return requestModel;
    }

    public CallRecordBuilder responseModel(String responseModel) {
        this.responseModel = responseModel;
        return this;
    }

    public String responseModel() {
        return responseModel;
    }

    public CallRecordBuilder endUser(String endUser) {
        this.endUser = endUser;
        return this;
    }

    public String endUser() {
        return endUser;
    }

    public CallRecordBuilder sessionId(String sessionId) {
        this.sessionId = sessionId;
        return this;
    }

    public String sessionId() {
        return sessionId;
    }

    public CallRecordBuilder workflow(String workflow) {
        this.workflow = workflow;
        return this;
    }

    public String workflow() {
        return workflow;
    }

    public CallRecordBuilder critical(boolean critical) {
        this.critical = critical;
        return this;
    }

    public boolean critical() {
        return critical;
    }

    public CallRecordBuilder tags(Map<String, String> tags) {
        this.tags = new LinkedHashMap<>(tags == null ? Map.of() : tags);
        return this;
    }

    public CallRecordBuilder tag(String key, String value) {
        this.tags.put(key, value);
        return this;
    }

    public CallRecordBuilder startTime(Instant startTime) {
        this.startTime = startTime;
        return this;
    }

    public Instant startTime() {
        return startTime;
    }

    public CallRecordBuilder endTime(Instant endTime) {
        this.endTime = endTime;
        return this;
    }

    public Instant endTime() {
        return endTime;
    }

    public CallRecordBuilder latencyMs(Long latencyMs) {
        this.latencyMs = latencyMs;
        return this;
    }

    public Long latencyMs() {
        return latencyMs;
    }

    public CallRecordBuilder timeToFirstTokenMs(Long timeToFirstTokenMs) {
        this.timeToFirstTokenMs = timeToFirstTokenMs;
        return this;
    }

    public Long timeToFirstTokenMs() {
        return timeToFirstTokenMs;
    }

    public CallRecordBuilder streaming(boolean streaming) {
        this.streaming = streaming;
        return this;
    }

    public boolean streaming() {
        return streaming;
    }

    public CallRecordBuilder status(CallStatus status) {
        this.status = status;
        return this;
    }

    public CallStatus status() {
        return status;
    }

    public CallRecordBuilder httpStatus(Integer httpStatus) {
        this.httpStatus = httpStatus;
        return this;
    }

    public Integer httpStatus() {
        return httpStatus;
    }

    public CallRecordBuilder errorType(String errorType) {
        this.errorType = errorType;
        return this;
    }

    public String errorType() {
        return errorType;
    }

    public CallRecordBuilder finishReason(String finishReason) {
        this.finishReason = finishReason;
        return this;
    }

    public String finishReason() {
        return finishReason;
    }

    public CallRecordBuilder attempt(int attempt) {
        this.attempt = attempt;
        return this;
    }

    public int attempt() {
        return attempt;
    }

    public CallRecordBuilder logicalRequestId(String logicalRequestId) {
        this.logicalRequestId = logicalRequestId;
        return this;
    }

    public String logicalRequestId() {
        return logicalRequestId;
    }

    public CallRecordBuilder inputMessages(List<ChatMessage> inputMessages) {
        this.inputMessages = inputMessages;
        return this;
    }

    public List<ChatMessage> inputMessages() {
        return inputMessages;
    }

    public CallRecordBuilder outputMessages(List<ChatMessage> outputMessages) {
        this.outputMessages = outputMessages;
        return this;
    }

    public List<ChatMessage> outputMessages() {
        return outputMessages;
    }

    public CallRecordBuilder contentTruncated(boolean contentTruncated) {
        this.contentTruncated = contentTruncated;
        return this;
    }

    public boolean contentTruncated() {
        return contentTruncated;
    }

    public CallRecordBuilder usage(Usage usage) {
        this.usage = usage;
        return this;
    }

    public Usage usage() {
        return usage;
    }

    public CallRecordBuilder intent(IntentFacet intent) {
        this.intent = intent;
        return this;
    }

    public IntentFacet intent() {
        return intent;
    }

    public CallRecordBuilder evaluation(EvaluationFacet evaluation) {
        this.evaluation = evaluation;
        return this;
    }

    public EvaluationFacet evaluation() {
        return evaluation;
    }

    public CallRecordBuilder cost(CostFacet cost) {
        this.cost = cost;
        return this;
    }

    public CostFacet cost() {
        return cost;
    }

    public Map<String, String> tags() {
        return tags;
    }

    public CallRecord build() {
        return new CallRecord(
                schemaVersion, callId, tenantId, projectId, source, traceId, spanId, parentSpanId, provider,
                operation, requestModel, responseModel, endUser, sessionId, workflow, critical, tags, startTime,
                endTime, latencyMs, timeToFirstTokenMs, streaming, status, httpStatus, errorType, finishReason,
                attempt, logicalRequestId, inputMessages, outputMessages, contentTruncated, usage, intent,
                evaluation, cost);
    }
}
