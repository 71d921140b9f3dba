package io.ledgerline.intent.embedding;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;

import org.junit.jupiter.api.Test;

class TextSanitizerTest {

    @Test
    void keepsOrdinaryTextOfAnyScriptUnchanged() {
        String s = "Напиши 函数 in Python لـ sort \uD83D\uDE00\n\tok";
        assertSame(s, TextSanitizer.sanitize(s));
    }

    @Test
    void replacesControlCharactersAndLoneSurrogates() {
        assertEquals("a b c", TextSanitizer.sanitize("a\u0000b\u0085c"));
        assertEquals("x\uFFFDy\uFFFD", TextSanitizer.sanitize("x\uD800y\uDC00"));
        assertEquals("", TextSanitizer.sanitize(null));
    }
}
