package app.detach.gateway.archive;

import app.detach.gateway.routing.GatewayConfig;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.quarkus.runtime.ShutdownEvent;
import io.smallrye.mutiny.Uni;
import io.vertx.core.Vertx;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpClient;
import io.vertx.core.http.HttpClientOptions;
import io.vertx.core.http.HttpHeaders;
import io.vertx.core.http.HttpMethod;
import io.vertx.core.http.RequestOptions;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;

import java.io.IOException;
import java.net.URI;

/**
 * Calls one service's own archive endpoint as the user (their access token, as the proxy relays
 * it). Unlike the proxy, the bodies are read whole: the gateway assembles or splits one document.
 * Everything runs on the event loop.
 */
@ApplicationScoped
class ServiceArchives {

    /** A service's answer: its status and JSON body ({@code null} when the body was not JSON). */
    record Answer(int status, JsonNode body) {

        boolean ok() {
            return status >= 200 && status < 300;
        }
    }

    private final GatewayConfig config;
    private final ObjectMapper mapper;
    private final HttpClient client;

    ServiceArchives(GatewayConfig config, ObjectMapper mapper, Vertx vertx) {
        this.config = config;
        this.mapper = mapper;
        this.client = vertx.createHttpClient(new HttpClientOptions()
                .setName("detach-gateway-archives")
                .setConnectTimeout((int) config.upstream().connectTimeout().toMillis())
                .setMaxPoolSize(10)
                .setKeepAlive(true));
    }

    void close(@Observes ShutdownEvent event) {
        client.close();
    }

    Uni<Answer> get(ArchivePart part, String accessToken) {
        return call(HttpMethod.GET, part, accessToken, null);
    }

    Uni<Answer> post(ArchivePart part, String accessToken, JsonNode body) {
        try {
            return call(HttpMethod.POST, part, accessToken, Buffer.buffer(mapper.writeValueAsBytes(body)));
        } catch (IOException e) {
            return Uni.createFrom().failure(e);
        }
    }

    private Uni<Answer> call(HttpMethod method, ArchivePart part, String accessToken, Buffer body) {
        URI base = config.routes().get(part.upstream());
        boolean ssl = "https".equalsIgnoreCase(base.getScheme());
        String basePath = base.getRawPath() == null ? "" : base.getRawPath().replaceAll("/$", "");
        RequestOptions options = new RequestOptions()
                .setMethod(method)
                .setHost(base.getHost())
                .setPort(base.getPort() != -1 ? base.getPort() : ssl ? 443 : 80)
                .setSsl(ssl)
                .setURI(basePath + part.path())
                // a whole archive may take a service longer than one proxied call
                .setIdleTimeout(config.archive().timeout().toMillis())
                .putHeader(HttpHeaders.AUTHORIZATION, "Bearer " + accessToken)
                .putHeader(HttpHeaders.ACCEPT, "application/json");
        if (body != null) {
            options.putHeader(HttpHeaders.CONTENT_TYPE, "application/json");
        }
        return Uni.createFrom().completionStage(() -> client.request(options)
                .compose(request -> body == null ? request.send() : request.send(body))
                .compose(response -> response.body().map(bytes -> new Answer(response.statusCode(), json(bytes))))
                .toCompletionStage());
    }

    private JsonNode json(Buffer bytes) {
        if (bytes.length() == 0) {
            return null;
        }
        try {
            return mapper.readTree(bytes.getBytes());
        } catch (IOException e) {
            return null;
        }
    }
}
