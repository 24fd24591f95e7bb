package app.detach.gateway;

import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;
import io.vertx.core.Vertx;
import io.vertx.core.http.HttpServer;
import io.vertx.core.http.HttpServerRequest;
import io.vertx.core.json.JsonObject;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * A real HTTP server standing in for the services: it answers every request with what it
 * received (method, path, query, body, Authorization, Cookie, X-Forwarded-*), with the status
 * asked for in {@code ?status=}. {@code .../slow} never answers; {@code /api/notifications/stream}
 * is an SSE stream that sends one event and stays open. The journal route points at a port where
 * nothing listens, to stand for a service that is down.
 */
public class EchoUpstream implements QuarkusTestResourceLifecycleManager {

    private Vertx vertx;

    @Override
    public Map<String, String> start() {
        vertx = Vertx.vertx();
        HttpServer server = vertx.createHttpServer().requestHandler(EchoUpstream::handle);
        try {
            int port = server.listen(0, "localhost").toCompletionStage().toCompletableFuture()
                    .get(10, TimeUnit.SECONDS).actualPort();
            String url = "http://localhost:" + port;
            return Map.of(
                    "detach.gateway.routes.journal", "http://localhost:" + closedPort(),
                    "detach.gateway.routes.streak", url,
                    "detach.gateway.routes.content", url,
                    "detach.gateway.routes.notification", url);
        } catch (Exception e) {
            throw new IllegalStateException("echo upstream did not start", e);
        }
    }

    private static void handle(HttpServerRequest request) {
        if (request.path().endsWith("/slow")) {
            return; // never answers: the gateway's response timeout has to act
        }
        if (request.path().equals("/api/notifications/stream")) {
            request.response()
                    .putHeader("Content-Type", "text/event-stream")
                    .setChunked(true)
                    .write("event: ping\ndata: first\n\n");
            return; // stays open: the event must reach the client anyway
        }
        request.body().onSuccess(body -> {
            String status = request.getParam("status");
            JsonObject echo = new JsonObject()
                    .put("method", request.method().name())
                    .put("path", request.path())
                    .put("query", request.query())
                    .put("body", body.toString())
                    .put("authorization", request.getHeader("Authorization"))
                    .put("cookie", request.getHeader("Cookie"))
                    .put("forwardedFor", request.getHeader("X-Forwarded-For"))
                    .put("forwardedHost", request.getHeader("X-Forwarded-Host"))
                    .put("forwardedProto", request.getHeader("X-Forwarded-Proto"));
            request.response()
                    .setStatusCode(status == null ? 200 : Integer.parseInt(status))
                    .putHeader("Content-Type", "application/json")
                    .putHeader("X-Upstream", "echo")
                    .end(echo.encode());
        });
    }

    private static int closedPort() {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Override
    public void stop() {
        if (vertx != null) {
            vertx.close().toCompletionStage().toCompletableFuture().join();
        }
    }
}
