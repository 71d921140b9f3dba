package io.ledgerline.collector.processor;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;

import io.ledgerline.contracts.CallRecord;
import io.ledgerline.contracts.CallRecordBuilder;
import io.ledgerline.contracts.CallStatus;
import io.ledgerline.contracts.ChatMessage;
import io.ledgerline.contracts.Source;
import io.ledgerline.contracts.TokenBucket;
import io.ledgerline.contracts.Usage;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class ContentSanitizerTest {
    private final ContentSanitizer sanitizer = new ContentSanitizer();

    @Test
    void nulAndLoneSurrogatesBecomeTheReplacementCharacter() {
        assertEquals("a\uFFFDb", sanitizer.text("a\u0000b"));
        assertEquals("hello \uFFFD world", sanitizer.text("hello \ud800 world"));
        assertEquals("\uFFFDx", sanitizer.text("\udc00x"));
        // a high surrogate at the very end, and a low one before its high one: both unpaired
        assertEquals("x\uFFFD", sanitizer.text("x\ud83d"));
        assertEquals("\uFFFD\uFFFD", sanitizer.text("\ude00\ud83d"));
    }

    @Test
    void everythingElseIsKeptAsSentAndTheSameInstanceComesBack() {
        String emoji = "refund \ud83d\ude00 \t\u0001 é <|endoftext|>";
        assertSame(emoji, sanitizer.text(emoji));
        assertEquals(null, sanitizer.text(null));
    }

    @Test
    void spanAttributesAreCleanedDeeplyKeysIncluded() {
        Map<String, Object> attributes = Map.of("gen_ai.prompt.0.content", "a\u0000b", "n", 3L,
                "list", List.of("x\ud800", true), "map\u0000", Map.of("k", "\u0000"));
        assertEquals(Map.of("gen_ai.prompt.0.content", "a\uFFFDb", "n", 3L, "list", List.of("x\uFFFD", true),
                "map\uFFFD", Map.of("k", "\uFFFD")), sanitizer.value(attributes));
    }

    @Test
    void everyStringOfACallRecordIsCleaned() {
        CallRecord call = call("hello \ud800 world", Map.of("team\u0000", "sup\u0000port"), "stop\u0000");
        CallRecord clean = sanitizer.call(call);
        assertEquals("hello \uFFFD world", clean.inputMessages().get(0).content());
        assertEquals(Map.of("team\uFFFD", "sup\uFFFDport"), clean.tags());
        assertEquals("stop\uFFFD", clean.finishReason());
        // everything that was clean is unchanged
        assertEquals(call.callId(), clean.callId());
        assertEquals(call.startTime(), clean.startTime());
        assertEquals(call.usage(), clean.usage());
        assertEquals(call.inputMessages().get(0).role(), clean.inputMessages().get(0).role());
    }

    @Test
    void aCleanCallIsReturnedAsItIs() {
        CallRecord call = call("hello world", Map.of("team", "support"), "stop");
        assertSame(call, sanitizer.call(call));
    }

    private static CallRecord call(String prompt, Map<String, String> tags, String finishReason) {
        return new CallRecordBuilder().callId("c1").tenantId("t").projectId("p").source(Source.API).provider("openai")
                .status(CallStatus.OK).startTime(Instant.parse("2026-03-01T10:00:00.123456789Z"))
                .inputMessages(List.of(new ChatMessage("user", prompt, null, List.of())))
                .tags(tags).finishReason(finishReason)
                .usage(new Usage(TokenBucket.reported(35), null, null, TokenBucket.reported(10), null, null, null, null))
                .build();
    }
}
