package io.ledgerline.intent.model;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Optional;
import org.junit.jupiter.api.Test;

class PromptTextTest {

    private final PromptText text = new PromptText();

    @Test
    void noUserTurnMeansNothingToEmbed() {
        assertEquals(Optional.empty(), text.of("You are helpful.", null));
        assertEquals(Optional.empty(), text.of("You are helpful.", "   \n\t"));
        assertEquals(Optional.empty(), text.of(null, ""));
    }

    @Test
    void userTurnAloneIsStripped() {
        assertEquals(Optional.of("Translate 'cat' to French"), text.of(null, "  Translate 'cat' to French \n"));
        assertEquals(Optional.of("Hi"), text.of("   ", "Hi"));
    }

    @Test
    void systemPromptContributesOnlyItsFirst200Characters() {
        String system = "S".repeat(500);
        String out = text.of(system, "Summarize this").orElseThrow();
        assertEquals("S".repeat(200) + "\n\nSummarize this", out);
    }

    @Test
    void longUserTurnIsCutToTheTotalBudgetKeepingItsStart() {
        String user = "Write a haiku about autumn. " + "x".repeat(5000);
        String out = text.of("You are a poet.", user).orElseThrow();
        assertEquals(1000, out.length());
        assertTrue(out.startsWith("You are a poet.\n\nWrite a haiku about autumn. "));
        String alone = text.of(null, user).orElseThrow();
        assertEquals(1000, alone.length());
    }

    @Test
    void doesNotSplitASurrogatePair() {
        PromptText small = new PromptText(0, 5);
        // "abcd" + U+1F600 (two chars): cutting at 5 would leave half of the emoji
        assertEquals("abcd", small.of(null, "abcd\uD83D\uDE00zz").orElseThrow());
    }
}
