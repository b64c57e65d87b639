package com.commerceinsight.apikit.fuzz;

import java.util.List;
import java.util.Map;

/**
 * One generated request: the operation it aims at, the concrete path (segments already encoded), the query
 * parameters (raw, encoded when sent), and the body text with its content type (both null for no body).
 */
public record FuzzRequest(ApiOperation operation, String path, List<Map.Entry<String, String>> query, String body,
        String contentType) {

    /** A short line for reports; long bodies are cut. */
    public String describe() {
        StringBuilder line = new StringBuilder(operation.method()).append(' ').append(cut(path, 200));
        if (!query.isEmpty()) {
            line.append('?');
            query.forEach(e -> line.append(e.getKey()).append('=').append(cut(e.getValue(), 60)).append('&'));
            line.setLength(line.length() - 1);
        }
        if (body != null) {
            line.append(" [").append(contentType).append("] ").append(cut(body, 200));
        }
        return line.toString();
    }

    static String cut(String text, int max) {
        return text.length() <= max ? text : text.substring(0, max) + "…(" + text.length() + " chars)";
    }
}
