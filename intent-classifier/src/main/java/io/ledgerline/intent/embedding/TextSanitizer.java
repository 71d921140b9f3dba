package io.ledgerline.intent.embedding;

/**
 * Makes arbitrary strings safe to hand to the native tokenizer: control characters other than tab/newline become
 * spaces, unpaired UTF-16 surrogates become U+FFFD. Everything else (any script, emoji) is kept.
 */
public final class TextSanitizer {

    private TextSanitizer() {
    }

    public static String sanitize(String text) {
        if (text == null) {
            return "";
        }
        StringBuilder out = null;
        int n = text.length();
        for (int i = 0; i < n; i++) {
            char c = text.charAt(i);
            char replacement = c;
            if (Character.isHighSurrogate(c)) {
                if (i + 1 < n && Character.isLowSurrogate(text.charAt(i + 1))) {
                    if (out != null) {
                        out.append(c).append(text.charAt(i + 1));
                    }
                    i++;
                    continue;
                }
                replacement = '\uFFFD';
            } else if (Character.isLowSurrogate(c)) {
                replacement = '\uFFFD';
            } else if (c != '\n' && c != '\t' && (c < 0x20 || (c >= 0x7F && c <= 0x9F))) {
                replacement = ' ';
            }
            if (replacement != c && out == null) {
                out = new StringBuilder(n);
                out.append(text, 0, i);
            }
            if (out != null) {
                out.append(replacement);
            }
        }
        return out == null ? text : out.toString();
    }
}
