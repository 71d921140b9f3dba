package io.ledgerline.contracts;

import java.util.List;

/** Added by eval-service. */
public record EvaluationFacet(boolean success, List<ValidatorResult> validators) {
    public EvaluationFacet {
        validators = validators == null ? List.of() : List.copyOf(validators);
    }

    public record ValidatorResult(String name, boolean passed, boolean blocking, String detail) {
    }
}
