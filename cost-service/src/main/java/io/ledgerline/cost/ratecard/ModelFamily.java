package io.ledgerline.cost.ratecard;

import java.util.Locale;
import java.util.regex.Pattern;

/**
 * The bare model name under a price-file key, used to compare the prices one model has at different providers:
 * {@code wandb/openai/gpt-oss-120b} and {@code groq/openai/gpt-oss-120b} are both {@code gpt-oss-120b};
 * {@code us.anthropic.claude-3-5-sonnet-20240620-v1:0} is {@code claude-3-5-sonnet-20240620};
 * {@code oci/cohere.embed-multilingual-light-v3.0} is {@code embed-multilingual-light-v3.0}.
 */
final class ModelFamily {

    private static final Pattern REGION_PREFIX = Pattern.compile("^(us|eu|apac|au|jp|ca|global|us-gov)\\.");
    /** A vendor namespace such as {@code anthropic.} or {@code ai21.}; not {@code llama3.} of {@code llama3.1}. */
    private static final Pattern VENDOR_PREFIX = Pattern.compile("^[a-z][a-z0-9]*\\.(?=[a-z])");
    private static final Pattern BEDROCK_VERSION_SUFFIX = Pattern.compile("-v\\d+(:\\d+)?$");

    private ModelFamily() {
    }

    static String of(String key) {
        String name = key.toLowerCase(Locale.ROOT);
        name = name.substring(name.lastIndexOf('/') + 1);
        name = REGION_PREFIX.matcher(name).replaceFirst("");
        name = VENDOR_PREFIX.matcher(name).replaceFirst("");
        return BEDROCK_VERSION_SUFFIX.matcher(name).replaceFirst("");
    }
}
