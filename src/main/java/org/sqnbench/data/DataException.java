package org.sqnbench.data;

/** Bad or missing input data. The message names the file and what is wrong, and is meant to be shown as is. */
public class DataException extends RuntimeException {
    public DataException(String message) {
        super(message);
    }

    public DataException(String message, Throwable cause) {
        super(message, cause);
    }
}
