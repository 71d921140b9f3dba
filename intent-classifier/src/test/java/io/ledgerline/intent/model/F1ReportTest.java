package io.ledgerline.intent.model;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import org.junit.jupiter.api.Test;

class F1ReportTest {

    /*
     * truth:     a a a a b b c c c c
     * predicted: a a b o b a c c c b        (o = "other", not a listed label)
     * a: tp 2, fp 1 (row 6), fn 2 (rows 3, 4)  -> P 2/3, R 1/2, F1 = 4/7
     * b: tp 1, fp 2 (rows 3, 10), fn 1 (row 6) -> P 1/3, R 1/2, F1 = 2/5
     * c: tp 3, fp 0, fn 1 (row 10)             -> P 1,   R 3/4, F1 = 6/7
     * macro = (4/7 + 2/5 + 6/7) / 3 = 0.609524; accuracy 6/10
     */
    @Test
    void handComputedConfusion() {
        List<String> truth = List.of("a", "a", "a", "a", "b", "b", "c", "c", "c", "c");
        List<String> predicted = List.of("a", "a", "b", "other", "b", "a", "c", "c", "c", "b");
        F1Report r = F1Report.of(truth, predicted, List.of("a", "b", "c"));
        assertEquals(2.0 / 3, r.score("a").precision(), 1e-12);
        assertEquals(0.5, r.score("a").recall(), 1e-12);
        assertEquals(4.0 / 7, r.score("a").f1(), 1e-12);
        assertEquals(1.0 / 3, r.score("b").precision(), 1e-12);
        assertEquals(2.0 / 5, r.score("b").f1(), 1e-12);
        assertEquals(1.0, r.score("c").precision(), 1e-12);
        assertEquals(0.75, r.score("c").recall(), 1e-12);
        assertEquals(6.0 / 7, r.score("c").f1(), 1e-12);
        assertEquals(0.609524, r.macroF1(), 1e-6);
        assertEquals(0.6, r.accuracy(), 1e-12);
        assertEquals(4, r.score("a").support());
    }

    @Test
    void labelNeverSeenNorPredictedScoresZeroAndIsAveraged() {
        F1Report r = F1Report.of(List.of("a", "a"), List.of("a", "a"), List.of("a", "b"));
        assertEquals(1.0, r.score("a").f1(), 1e-12);
        assertEquals(0.0, r.score("b").f1(), 1e-12);
        assertEquals(0.5, r.macroF1(), 1e-12);
    }
}
