package io.ledgerline.cost.summary;

/** A summary request parameter that cannot be answered, with the parameter's name. */
public class InvalidSummaryRequest extends IllegalArgumentException {
    private final String parameter;

    public InvalidSummaryRequest(String parameter, String reason) {
        super(parameter + " " + reason);
        this.parameter = parameter;
    }

    public String parameter() {
        return parameter;
    }
}
