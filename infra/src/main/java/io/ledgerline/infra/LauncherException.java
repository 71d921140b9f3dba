package io.ledgerline.infra;

/** A failure with a message for the person running the launcher; printed without a stack trace. */
public class LauncherException extends RuntimeException {
    public LauncherException(String message) {
        super(message);
    }

    public LauncherException(String message, Throwable cause) {
        super(message, cause);
    }
}
