package app.detach.journal.http;

import app.detach.rest.Problem;
import app.detach.rest.ProblemException;
import io.vertx.core.http.HttpServerRequest;
import org.jboss.resteasy.reactive.server.ServerRequestFilter;

/**
 * Request bodies are limited to 256 KiB, except an archive to restore, which holds a whole journal
 * (up to {@code quarkus.http.limits.max-body-size}, 16 MiB). The HTTP layer enforces the larger
 * limit; this filter the smaller one, from the declared length, before the body is read.
 */
public class BodyLimit {

    static final long MAX_BYTES = 256 * 1024;
    static final String ARCHIVE = "/api/journal/archive";

    @ServerRequestFilter(preMatching = true)
    public void limit(HttpServerRequest request) {
        String length = request.getHeader("Content-Length");
        if (length == null || ARCHIVE.equals(request.path())) {
            return;
        }
        long bytes;
        try {
            bytes = Long.parseLong(length.trim());
        } catch (NumberFormatException e) {
            return; // the HTTP layer refuses a malformed length itself
        }
        if (bytes > MAX_BYTES) {
            throw new ProblemException(Problem.of(413, "Payload too large", "The request body is too large."));
        }
    }
}
