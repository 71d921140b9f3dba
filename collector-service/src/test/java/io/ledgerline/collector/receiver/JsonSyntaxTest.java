package io.ledgerline.collector.receiver;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Test;

class JsonSyntaxTest {
    private final ObjectMapper json = new ObjectMapper();

    @Test
    void anUnclosedArraySaysSoWithLineAndColumnAndNoJacksonInternals() {
        // 13 characters, the array is never closed: the end of input is at column 14 of line 1
        assertEquals("Unexpected end-of-input: expected close marker for Array (line 1, column 14)",
                describe("{\"request\": ["));
    }

    @Test
    void anUnexpectedCharacterIsNamedWhereItIs() {
        // line 2 is "  x": the x is its third character
        assertEquals("Unexpected character ('x' (code 120)): was expecting double-quote to start field name "
                + "(line 2, column 3)", describe("{\n  x"));
    }

    @Test
    void aReasonAboutTheWholeItemNamesTheItemWithoutATrailingDot() {
        assertEquals("items[3]", IngestAnswer.itemField(ItemResult.rejected(3, "", "the collector failed")));
        assertEquals("items[0].request.url", IngestAnswer.itemField(ItemResult.rejected(0, "request.url", "is required")));
    }

    private String describe(String body) {
        return JsonSyntax.describe(assertThrows(JsonProcessingException.class, () -> json.readTree(body)));
    }
}
