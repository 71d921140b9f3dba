package io.ledgerline.contracts;

/** A number of tokens in one canonical bucket and where that number comes from. */
public record TokenBucket(long tokens, TokenSource source) {
    public TokenBucket {
        if (tokens < 0) {
            throw new IllegalArgumentException("token count must not be negative: " + tokens);
        }
        if (source == null) {
            throw new IllegalArgumentException("token source is required");
        }
    }

    public static TokenBucket reported(long tokens) {
        return new TokenBucket(tokens, TokenSource.REPORTED);
    }

    public static TokenBucket counted(long tokens) {
        return new TokenBucket(tokens, TokenSource.COUNTED);
    }

    public static TokenBucket estimated(long tokens) {
        return new TokenBucket(tokens, TokenSource.ESTIMATED);
    }
}
