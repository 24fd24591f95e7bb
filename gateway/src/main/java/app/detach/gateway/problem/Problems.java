package app.detach.gateway.problem;

import app.detach.rest.Problem;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.vertx.core.Future;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpHeaders;
import io.vertx.core.http.HttpServerResponse;
import jakarta.enterprise.context.ApplicationScoped;

import java.io.UncheckedIOException;

/**
 * problem+json answers written straight onto the Vert.x response, for the failures that happen
 * before or outside Quarkus REST: authentication challenges, HTTP permission denials and the proxy.
 * The shape is the shared {@link Problem} of {@code detach-rest}, the one the services answer with.
 */
@ApplicationScoped
public class Problems {

    private final ObjectMapper mapper;

    Problems(ObjectMapper mapper) {
        this.mapper = mapper;
    }

    public Buffer body(int status, String title, String detail, String path) {
        try {
            return Buffer.buffer(mapper.writeValueAsBytes(Problem.of(status, title, detail).withInstance(path)));
        } catch (JsonProcessingException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Ends {@code response} with a problem; a no-op if the response has already been ended. */
    public Future<Void> send(HttpServerResponse response, int status, String title, String detail, String path) {
        if (response.ended()) {
            return Future.succeededFuture();
        }
        return response.setStatusCode(status)
                .putHeader(HttpHeaders.CONTENT_TYPE, Problem.MEDIA_TYPE)
                .putHeader(HttpHeaders.CACHE_CONTROL, "no-store")
                .end(body(status, title, detail, path));
    }

    public Future<Void> unauthorized(HttpServerResponse response, String path) {
        response.putHeader("WWW-Authenticate", "Bearer");
        return send(response, 401, "Unauthorized",
                "Sign in, or send a valid bearer token, to use this API.", path);
    }

    public Future<Void> forbidden(HttpServerResponse response, String path) {
        return send(response, 403, "Forbidden", "You do not have the role this needs.", path);
    }
}
