-- Cost per kind of work: the intent given by intent-classifier becomes a roll-up dimension ('' = none).
ALTER TABLE cost_rollup ADD COLUMN intent text NOT NULL DEFAULT '';
ALTER TABLE cost_rollup DROP CONSTRAINT cost_rollup_pkey;
ALTER TABLE cost_rollup ADD PRIMARY KEY
    (tenant_id, bucket_start, project_id, provider, model, end_user, workflow, status, unpriced_reason, intent);
