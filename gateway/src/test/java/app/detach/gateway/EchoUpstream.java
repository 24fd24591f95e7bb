package app.detach.gateway;

import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;
import io.vertx.core.Vertx;
import io.vertx.core.http.HttpServer;
import io.vertx.core.http.HttpServerRequest;
import io.vertx.core.json.JsonObject;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;

/**
 * A real HTTP server standing in for the services: it answers every request with what it
 * received (method, path, query, body, Authorization, Cookie, X-Forwarded-*), with the status
 * asked for in {@code ?status=}. {@code .../slow} never answers; {@code /api/notifications/stream}
 * is an SSE stream that sends one event and stays open. {@code /api/<area>/archive} stands for the
 * services' archive endpoints (see {@link #archive}). The content route points at a port where
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
                    "detach.gateway.routes.journal", url,
                    "detach.gateway.routes.streak", url,
                    "detach.gateway.routes.content", "http://localhost:" + closedPort(),
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
        if (request.path().endsWith("/archive")) {
            archive(request);
            return;
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

    /** Each archive POST received, in order: "path sub body". */
    public static final List<String> ARCHIVE_POSTS = new CopyOnWriteArrayList<>();

    /**
     * A service's archive endpoint. GET answers {@code {version:1, path, authorization}}, or 500 when
     * the caller's {@code sub} starts with {@code broken-}; POST records the call in
     * {@link #ARCHIVE_POSTS} and answers 201 {@code {restored:{path, items}}}, or the status the body
     * asks for in {@code echoStatus} (409 and 400 as problems, with a field error for 400).
     */
    private static void archive(HttpServerRequest request) {
        String sub = subject(request.getHeader("Authorization"));
        request.body().onSuccess(body -> {
            JsonObject answer;
            int status;
            if (request.method().name().equals("GET")) {
                status = sub.startsWith("broken-") ? 500 : 200;
                answer = new JsonObject().put("version", 1).put("path", request.path())
                        .put("authorization", request.getHeader("Authorization"));
            } else {
                JsonObject received = body.length() == 0 ? new JsonObject() : body.toJsonObject();
                ARCHIVE_POSTS.add(request.path() + " " + sub + " " + received.encode());
                status = received.getInteger("echoStatus", 201);
                answer = switch (status) {
                    case 201 -> new JsonObject().put("restored", new JsonObject()
                            .put("path", request.path()).put("items", received.getInteger("items", 0)));
                    case 400 -> new JsonObject().put("status", 400).put("detail", "entries[0].body is too long.")
                            .put("errors", new io.vertx.core.json.JsonArray().add(new JsonObject()
                                    .put("field", "entries[0].body").put("message", "size must be between 1 and 20000")));
                    default -> new JsonObject().put("status", status).put("detail", "not empty");
                };
            }
            request.response().setStatusCode(status)
                    .putHeader("Content-Type", status >= 400 ? "application/problem+json" : "application/json")
                    .end(answer.encode());
        });
    }

    private static String subject(String authorization) {
        if (authorization == null || !authorization.startsWith("Bearer ")) {
            return "";
        }
        String[] jwt = authorization.substring(7).split("\\.");
        String payload = new String(Base64.getUrlDecoder().decode(jwt[1]), StandardCharsets.UTF_8);
        return new JsonObject(payload).getString("sub", "");
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
