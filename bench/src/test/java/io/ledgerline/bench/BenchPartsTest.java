package io.ledgerline.bench;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.opentelemetry.proto.collector.trace.v1.ExportTraceServiceRequest;
import io.opentelemetry.proto.trace.v1.Span;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

class BenchPartsTest {

    @Test
    void aBatchHoldsTheAskedNumberOfGenAiSpansEachWithItsOwnIds() {
        ExportTraceServiceRequest request = new GenAiSpanBatch(List.of("What is 2+2?"), new Random(7))
                .build(100, 1_747_330_242_000_000_000L);
        List<Span> spans = request.getResourceSpans(0).getScopeSpans(0).getSpansList();
        assertEquals(100, spans.size());
        assertEquals(100, spans.stream().map(Span::getSpanId).distinct().count());
        assertEquals(100, spans.stream().map(Span::getTraceId).distinct().count());
        // "What is 2+2?" has 12 characters: 20 + 12 / 4 = 23 prompt tokens
        assertEquals(23, spans.get(0).getAttributesList().stream()
                .filter(kv -> kv.getKey().equals("gen_ai.usage.prompt_tokens")).findFirst().orElseThrow()
                .getValue().getIntValue());
    }

    @Test
    void memoryIsReadFromProcStatus() {
        String status = "Name:\tjava\nVmHWM:\t  412340 kB\nVmRSS:\t  398112 kB\nThreads:\t42\n";
        assertEquals(new ProcessMemory(398112, 412340), ProcessMemory.parse(status));
    }

    @Test
    void nearestRankPercentiles() {
        Percentiles p = new Percentiles(new double[] {5, 1, 4, 2, 3, 10, 9, 8, 7, 6});
        assertEquals(5, p.at(50));
        assertEquals(9, p.at(90));
        assertEquals(10, p.at(99));
        assertEquals(1, p.at(0));
    }
}
