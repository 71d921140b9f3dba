-- cost-service owns the schema "cost": rate cards, tenant overrides, NCU settings, the call ledger and roll-ups.
-- Money is numeric, never floating point.

CREATE TABLE rate_card_version (
    version          text PRIMARY KEY,
    effective_from   timestamptz NOT NULL,
    source           text        NOT NULL,
    imported_at      timestamptz NOT NULL DEFAULT now(),
    accepted_rows    integer     NOT NULL,
    quarantined_rows integer     NOT NULL,
    carried_forward  integer     NOT NULL
);

CREATE TABLE quarantined_price (
    version  text NOT NULL REFERENCES rate_card_version (version),
    key      text NOT NULL,
    reason   text NOT NULL,
    PRIMARY KEY (version, key)
);

-- A tenant's own prices (negotiated discounts, private deployments); they win over the default card from
-- effective_from on.
CREATE TABLE tenant_price_override (
    tenant_id       text        NOT NULL,
    provider        text        NOT NULL,
    model           text        NOT NULL,
    effective_from  timestamptz NOT NULL,
    input_per_token       numeric NOT NULL,
    output_per_token      numeric NOT NULL,
    cache_read_per_token  numeric,
    cache_write_per_token numeric,
    reasoning_per_token   numeric,
    request_fee           numeric,
    created_at      timestamptz NOT NULL DEFAULT now(),
    PRIMARY KEY (tenant_id, provider, model, effective_from)
);

-- NCU settings: scope 'project' (scope_value ''), 'intent' or 'workflow' (scope_value = the intent or workflow).
CREATE TABLE ncu_setting (
    tenant_id                 text    NOT NULL,
    project_id                text    NOT NULL,
    scope                     text    NOT NULL CHECK (scope IN ('project', 'intent', 'workflow')),
    scope_value               text    NOT NULL,
    value_of_time_per_second  numeric NOT NULL CHECK (value_of_time_per_second >= 0),
    latency_budget_seconds    numeric NOT NULL CHECK (latency_budget_seconds >= 0),
    PRIMARY KEY (tenant_id, project_id, scope, scope_value)
);

-- One row per priced call; call_id makes a redelivered record change nothing.
CREATE TABLE call_ledger (
    call_id              text PRIMARY KEY,
    tenant_id            text        NOT NULL,
    project_id           text        NOT NULL,
    provider             text        NOT NULL,
    model                text,
    operation            text,
    end_user             text,
    workflow             text,
    intent               text,
    tags                 jsonb       NOT NULL DEFAULT '{}',
    start_time           timestamptz NOT NULL,
    latency_ms           bigint,
    status               text        NOT NULL,
    attempt              integer     NOT NULL,
    logical_request_id   text        NOT NULL,
    input_tokens         bigint      NOT NULL,
    cache_read_tokens    bigint      NOT NULL,
    cache_write_tokens   bigint      NOT NULL,
    output_tokens        bigint      NOT NULL,
    reasoning_tokens     bigint      NOT NULL,
    usage_source         text        NOT NULL,
    token_discrepancy    boolean     NOT NULL,
    priced               boolean     NOT NULL,
    unpriced_reason      text,
    currency             text        NOT NULL,
    cost_input           numeric,
    cost_cache_read      numeric,
    cost_cache_write     numeric,
    cost_output          numeric,
    cost_reasoning       numeric,
    cost_request_fee     numeric,
    cost_total           numeric,
    rate_card_version    text,
    price_used           jsonb,
    ncu_token_cost       numeric,
    ncu_latency_penalty  numeric     NOT NULL,
    ncu_retry_cost       numeric     NOT NULL,
    ncu_total            numeric,
    ncu_settings         jsonb       NOT NULL,
    record               jsonb       NOT NULL,
    priced_at            timestamptz NOT NULL DEFAULT now()
);
CREATE INDEX call_ledger_logical ON call_ledger (tenant_id, logical_request_id, attempt);
CREATE INDEX call_ledger_time ON call_ledger (tenant_id, start_time);

-- Roll-ups per 15 minutes (so that a day in any time zone, including +05:30 or +05:45, is a sum of whole buckets).
-- Text dimensions use '' for "none" so they can be part of the key.
CREATE TABLE cost_rollup (
    tenant_id          text        NOT NULL,
    bucket_start       timestamptz NOT NULL,
    project_id         text        NOT NULL,
    provider           text        NOT NULL,
    model              text        NOT NULL,
    end_user           text        NOT NULL,
    workflow           text        NOT NULL,
    status             text        NOT NULL,
    unpriced_reason    text        NOT NULL,
    calls              bigint      NOT NULL,
    errors             bigint      NOT NULL,
    unpriced_calls     bigint      NOT NULL,
    discrepancy_calls  bigint      NOT NULL,
    input_tokens       bigint      NOT NULL,
    cache_read_tokens  bigint      NOT NULL,
    cache_write_tokens bigint      NOT NULL,
    output_tokens      bigint      NOT NULL,
    reasoning_tokens   bigint      NOT NULL,
    cost               numeric     NOT NULL,
    ncu                numeric     NOT NULL,
    PRIMARY KEY (tenant_id, bucket_start, project_id, provider, model, end_user, workflow, status, unpriced_reason)
);

-- The same measures per tag (key, value), for "group by tag".
CREATE TABLE cost_rollup_tag (
    tenant_id          text        NOT NULL,
    bucket_start       timestamptz NOT NULL,
    tag_key            text        NOT NULL,
    tag_value          text        NOT NULL,
    project_id         text        NOT NULL,
    provider           text        NOT NULL,
    model              text        NOT NULL,
    calls              bigint      NOT NULL,
    errors             bigint      NOT NULL,
    unpriced_calls     bigint      NOT NULL,
    discrepancy_calls  bigint      NOT NULL,
    input_tokens       bigint      NOT NULL,
    cache_read_tokens  bigint      NOT NULL,
    cache_write_tokens bigint      NOT NULL,
    output_tokens      bigint      NOT NULL,
    reasoning_tokens   bigint      NOT NULL,
    cost               numeric     NOT NULL,
    ncu                numeric     NOT NULL,
    PRIMARY KEY (tenant_id, bucket_start, tag_key, tag_value, project_id, provider, model)
);
