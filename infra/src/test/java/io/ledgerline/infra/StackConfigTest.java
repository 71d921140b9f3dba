package io.ledgerline.infra;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class StackConfigTest {

    static List<String> names(List<ServiceSpec> specs) {
        return specs.stream().map(ServiceSpec::name).toList();
    }

    @Test
    void allServicesByDefault() {
        assertEquals(List.of("collector-service", "intent-classifier", "cost-service"), names(StackConfig.selected(Map.of())));
        assertEquals(List.of("collector-service", "intent-classifier", "cost-service"), names(StackConfig.selected(Map.of("LEDGERLINE_SERVICES", " "))));
    }

    @Test
    void subsetOrNone() {
        assertEquals(List.of("cost-service"), names(StackConfig.selected(Map.of("LEDGERLINE_SERVICES", "cost-service"))));
        assertEquals(List.of("cost-service", "collector-service"),
                names(StackConfig.selected(Map.of("LEDGERLINE_SERVICES", "cost-service, collector-service"))));
        assertEquals(List.of(), StackConfig.selected(Map.of("LEDGERLINE_SERVICES", "none")));
    }

    @Test
    void unknownNameIsRefused() {
        LauncherException e = assertThrows(LauncherException.class,
                () -> StackConfig.selected(Map.of("LEDGERLINE_SERVICES", "colector-service")));
        assertTrue(e.getMessage().contains("unknown service 'colector-service'"), e.getMessage());
    }
}
