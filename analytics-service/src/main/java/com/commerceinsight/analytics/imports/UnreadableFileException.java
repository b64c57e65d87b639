package com.commerceinsight.analytics.imports;

/**
 * A source file that cannot be parsed past some point (an unclosed quote, a truncated gzip stream, bytes that are
 * not UTF-8, a damaged workbook). Unlike a bad record this cannot be skipped: where the next record starts is
 * unknown. The import fails whatever its reject policy, and nothing is loaded.
 */
public class UnreadableFileException extends RuntimeException {

    public UnreadableFileException(String file, long recordNumber, String reason) {
        super(file + " cannot be read at record " + recordNumber + ": " + reason + "; nothing was loaded", null, false, false);
    }

    /** The innermost message of a parse failure: the libraries wrap the useful one in several layers. */
    static String reasonOf(Throwable failure) {
        Throwable innermost = failure;
        while (innermost.getCause() != null && innermost.getCause() != innermost) {
            innermost = innermost.getCause();
        }
        String message = innermost.getMessage();
        String kind = innermost.getClass().getSimpleName();
        return message == null || message.isBlank() ? kind : kind + ": " + message;
    }
}
