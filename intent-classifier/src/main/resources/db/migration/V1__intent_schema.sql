-- intent-classifier's own schema (DESIGN.md §10): the intent given to each call, and the tenants' own labels.

-- One row per classified call: a redelivered record gets the answer it got the first time (idempotent on callId),
-- even if the tenant's labels changed in between.
CREATE TABLE call_intent (
    tenant_id      text             NOT NULL,
    call_id        text             NOT NULL,
    label          text             NOT NULL,
    confidence     double precision NOT NULL,
    source         text             NOT NULL,
    model_version  text             NOT NULL,
    reason         text,
    classified_at  timestamptz      NOT NULL DEFAULT now(),
    PRIMARY KEY (tenant_id, call_id)
);

CREATE TABLE tenant_label (
    tenant_id    text        NOT NULL,
    label        text        NOT NULL,
    description  text,
    updated_at   timestamptz NOT NULL DEFAULT now(),
    PRIMARY KEY (tenant_id, label)
);

-- Example prompts as given; their embeddings are computed by the service (they depend on the configured model).
CREATE TABLE tenant_label_example (
    tenant_id  text    NOT NULL,
    label      text    NOT NULL,
    position   integer NOT NULL,
    text       text    NOT NULL,
    PRIMARY KEY (tenant_id, label, position),
    FOREIGN KEY (tenant_id, label) REFERENCES tenant_label (tenant_id, label) ON DELETE CASCADE
);
