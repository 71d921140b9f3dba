package io.ledgerline.cost.pricing;

/**
 * How a (provider, model name) pair found its price. The first three are lookups of the name as given; the others
 * say which rewrite of the name found the price (the rewrite is tried only when the name as given is not listed).
 */
public enum MatchRule {
    /** The name is listed exactly. */
    EXACT,
    /** The name is listed with other letter case. */
    CASE_INSENSITIVE,
    /** The name is listed behind the provider's own prefix: {@code gpt-4o} of azure_openai is {@code azure/gpt-4o}. */
    PROVIDER_PREFIXED_KEY,
    /** A Gemini API resource name: {@code models/gemini-2.5-flash} is {@code gemini-2.5-flash}. */
    WITHOUT_API_PATH,
    /** A Bedrock cross-region inference profile: {@code us.anthropic.claude-…} is {@code anthropic.claude-…}. */
    WITHOUT_REGION_PREFIX,
    /** A Bedrock model version: {@code anthropic.claude-…-v1:0} is {@code anthropic.claude-…}. */
    WITHOUT_BEDROCK_VERSION,
    /** A dated snapshot: {@code gpt-4o-2099-01-01}, {@code claude-…-20991231}, {@code …@20991231}. */
    WITHOUT_DATE_SUFFIX,
    /** A Gemini revision or preview: {@code gemini-2.5-flash-001}, {@code gemini-2.5-flash-preview-05-20}. */
    WITHOUT_REVISION_SUFFIX
}
