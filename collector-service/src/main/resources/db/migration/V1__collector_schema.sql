-- collector-service owns the schema "collector": project API keys and the trace/span store.

CREATE TABLE project_api_key (
    key_hash    text PRIMARY KEY,          -- SHA-256 hex of the key; the key itself is never stored
    tenant_id   text        NOT NULL,
    project_id  text        NOT NULL,
    created_at  timestamptz NOT NULL DEFAULT now()
);

-- Every span a tenant sends (OTLP), and one synthetic span per call that came as an exchange or native JSON.
-- call_json holds the captured call record of GenAI spans, so a call can be re-published from here.
CREATE TABLE span (
    tenant_id       text        NOT NULL,
    project_id      text        NOT NULL,
    trace_id        text        NOT NULL,
    span_id         text        NOT NULL,
    parent_span_id  text,
    name            text,
    kind            integer,
    start_time      timestamptz,
    end_time        timestamptz,
    status_code     integer,
    status_message  text,
    attributes      jsonb,
    resource        jsonb,
    call_id         text,
    call_json       jsonb,
    received_at     timestamptz NOT NULL DEFAULT now(),
    PRIMARY KEY (tenant_id, trace_id, span_id)
);
CREATE INDEX span_call_id ON span (call_id) WHERE call_id IS NOT NULL;
CREATE INDEX span_start_time ON span (tenant_id, start_time);
