package org.sqnbench.report.results;

/**
 * Input a user can get wrong (a missing or malformed results file, an unusable output directory). The commands turn
 * it into one line on stderr and exit status 2; it extends {@link IllegalArgumentException} so that Main's
 * handler does the same if one escapes.
 */
public final class BadInputException extends IllegalArgumentException {
    private static final long serialVersionUID = 1L;

    public BadInputException(String message) {
        super(message);
    }
}
