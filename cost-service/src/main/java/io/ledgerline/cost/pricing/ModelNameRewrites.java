package io.ledgerline.cost.pricing;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;

/**
 * The names to try, in order, for a model name that is not listed as given. The rewrites are cumulative: each one
 * applies to the result of the previous ones, so {@code us.anthropic.claude-x-20990101-v1:0} is tried as
 * {@code anthropic.claude-x-20990101-v1:0}, then {@code anthropic.claude-x-20990101}, then {@code anthropic.claude-x}.
 * A rewrite that does not change the name adds no candidate. {@code -latest} aliases are never rewritten: they move
 * to newer, differently priced models.
 */
final class ModelNameRewrites {

    record Candidate(String name, MatchRule rule) {
    }

    private record Rewrite(MatchRule rule, Pattern pattern, String replacement) {
        String apply(String name) {
            return pattern.matcher(name).replaceFirst(replacement);
        }
    }

    private static final List<Rewrite> REWRITES = List.of(
            new Rewrite(MatchRule.WITHOUT_API_PATH, Pattern.compile("^models/"), ""),
            new Rewrite(MatchRule.WITHOUT_REGION_PREFIX,
                    Pattern.compile("^(us|eu|apac|au|jp|ca|global|us-gov)\\.(?=[a-z0-9-]+\\.)"), ""),
            new Rewrite(MatchRule.WITHOUT_BEDROCK_VERSION, Pattern.compile("-v\\d+(:\\d+)?$"), ""),
            new Rewrite(MatchRule.WITHOUT_DATE_SUFFIX,
                    Pattern.compile("(-\\d{4}-\\d{2}-\\d{2}|[-@]20\\d{6})$"), ""),
            new Rewrite(MatchRule.WITHOUT_REVISION_SUFFIX,
                    Pattern.compile("(-\\d{3}|-(preview|exp)(-[a-z0-9-]+)?)$"), ""));

    private ModelNameRewrites() {
    }

    static List<Candidate> of(String name) {
        List<Candidate> candidates = new ArrayList<>();
        String current = name;
        for (Rewrite rewrite : REWRITES) {
            String rewritten = rewrite.apply(current);
            if (!rewritten.equals(current) && !rewritten.isEmpty()) {
                candidates.add(new Candidate(rewritten, rewrite.rule()));
                current = rewritten;
            }
        }
        return candidates;
    }
}
