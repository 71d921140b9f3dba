package io.ledgerline.cost.pricing;

import java.util.Map;

/**
 * A project's NCU settings with overrides per intent and per workflow. Precedence, most specific first:
 * <b>workflow, then intent, then project</b>. A workflow is a business process the customer names and attaches an
 * SLA to (a checkout assistant must answer fast whatever it is asked), while an intent is our classifier's label
 * for the kind of question and spans workflows; so the workflow's explicit setting wins. An override replaces both
 * values of the settings, never one of them.
 */
public record ProjectNcuSettings(NcuSettings project, Map<String, NcuSettings> byIntent,
                                 Map<String, NcuSettings> byWorkflow) {

    public ProjectNcuSettings {
        project = project == null ? NcuSettings.DEFAULT : project;
        byIntent = byIntent == null ? Map.of() : Map.copyOf(byIntent);
        byWorkflow = byWorkflow == null ? Map.of() : Map.copyOf(byWorkflow);
    }

    /** The settings for a call; {@code intent} and {@code workflow} may be null. */
    public NcuSettings forCall(String intent, String workflow) {
        if (workflow != null && byWorkflow.containsKey(workflow)) {
            return byWorkflow.get(workflow);
        }
        if (intent != null && byIntent.containsKey(intent)) {
            return byIntent.get(intent);
        }
        return project;
    }
}
