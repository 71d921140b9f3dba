package io.ledgerline.collector.receiver.otlp;

import java.util.Base64;
import java.util.HexFormat;

/**
 * Trace and span ids: validated and written as lower-case hex. OTLP/JSON carries them as hex, but exporters that use
 * protobuf's generic JSON mapping write base64; the two are told apart by length (a 16-byte id is 32 hex or 24 base64
 * characters, an 8-byte id 16 or 12), so the choice is never ambiguous.
 */
final class OtlpIds {
    static final int TRACE_ID_BYTES = 16;
    static final int SPAN_ID_BYTES = 8;

    private static final HexFormat HEX = HexFormat.of();

    private OtlpIds() {
    }

    /** The hex form of a protobuf id field, which must hold exactly {@code expectedBytes} bytes, not all zero. */
    static String fromBytes(String field, byte[] id, int expectedBytes) {
        if (id.length == 0) {
            throw new InvalidSpanException(field + " is missing");
        }
        if (id.length != expectedBytes) {
            throw new InvalidSpanException(field + " must be " + expectedBytes + " bytes, got " + id.length);
        }
        return checkedNotZero(field, HEX.formatHex(id));
    }

    /** The hex form of an OTLP/JSON id field given as hex or as base64. */
    static String fromText(String field, String text, int expectedBytes) {
        if (text == null || text.isEmpty()) {
            throw new InvalidSpanException(field + " is missing");
        }
        if (text.length() == expectedBytes * 2 && isHex(text)) {
            return checkedNotZero(field, text.toLowerCase(java.util.Locale.ROOT));
        }
        if (text.length() == base64Length(expectedBytes)) {
            try {
                return fromBytes(field, Base64.getDecoder().decode(text), expectedBytes);
            } catch (IllegalArgumentException notBase64) {
                // falls through to the error below
            }
        }
        throw new InvalidSpanException(field + " must be " + expectedBytes * 2 + " hex characters (or "
                + base64Length(expectedBytes) + " base64 characters), got '" + text + "'");
    }

    private static int base64Length(int bytes) {
        return (bytes + 2) / 3 * 4;
    }

    private static boolean isHex(String text) {
        for (int i = 0; i < text.length(); i++) {
            if (Character.digit(text.charAt(i), 16) < 0) {
                return false;
            }
        }
        return true;
    }

    private static String checkedNotZero(String field, String hex) {
        if (hex.chars().allMatch(c -> c == '0')) {
            throw new InvalidSpanException(field + " must not be all zeros");
        }
        return hex;
    }
}
