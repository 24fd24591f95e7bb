package app.detach.bench;

import app.detach.local.LocalStack;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/** Calls to the running stack: tokens from Keycloak (password grant, dev realm), JSON requests. */
public final class Api {

    static final ObjectMapper JSON = new ObjectMapper();

    private final LocalStack stack;
    private final HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(5)).build();

    public Api(LocalStack stack) {
        this.stack = stack;
    }

    /** A fresh access token (the dev realm's tokens live 5 minutes: take one per benchmark step). */
    public String token(String username, String password) {
        JsonNode answer = form(stack.tokenUrl(), Map.of("grant_type", "password", "client_id", "detach-cli",
                "username", username, "password", password));
        return answer.get("access_token").asText();
    }

    /** The token's subject (the user id every service scopes by). */
    public static String subject(String token) {
        String payload = token.split("\\.")[1];
        try {
            return JSON.readTree(Base64.getUrlDecoder().decode(payload)).get("sub").asText();
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    /** A new enabled user of the detach realm (Keycloak admin API); returns the username (password = "bench"). */
    public String createUser(String prefix) {
        String username = prefix + "-" + UUID.randomUUID().toString().substring(0, 8);
        String admin = form(stack.keycloakUrl() + "/realms/master/protocol/openid-connect/token",
                Map.of("grant_type", "password", "client_id", "admin-cli", "username", "admin", "password", "admin"))
                .get("access_token").asText();
        Map<String, Object> user = Map.of("username", username, "enabled", true, "firstName", "Bench", "lastName", prefix,
                "email", username + "@detach.test", "emailVerified", true, "requiredActions", List.of(),
                "credentials", List.of(Map.of("type", "password", "value", "bench", "temporary", false)));
        send("POST", stack.keycloakUrl() + "/admin/realms/detach/users", admin, user, 201);
        return username;
    }

    /** Sends JSON (or nothing), expects {@code expected} (0 = any 2xx), returns the answer's JSON. */
    public JsonNode send(String method, String url, String token, Object body, int expected) {
        try {
            HttpRequest.Builder b = HttpRequest.newBuilder(URI.create(url)).timeout(Duration.ofSeconds(60))
                    .header("Authorization", "Bearer " + token);
            if (body != null) {
                b.header("Content-Type", "application/json")
                        .method(method, HttpRequest.BodyPublishers.ofString(JSON.writeValueAsString(body)));
            } else {
                b.method(method, HttpRequest.BodyPublishers.noBody());
            }
            HttpResponse<String> r = http.send(b.build(), HttpResponse.BodyHandlers.ofString());
            boolean ok = expected == 0 ? r.statusCode() / 100 == 2 : r.statusCode() == expected;
            if (!ok) {
                throw new IllegalStateException(method + " " + url + " answered " + r.statusCode() + ": " + r.body());
            }
            return r.body().isBlank() ? JSON.nullNode() : JSON.readTree(r.body());
        } catch (IOException e) {
            throw new IllegalStateException(method + " " + url + ": " + e.getMessage(), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    private JsonNode form(String url, Map<String, String> fields) {
        StringBuilder sb = new StringBuilder();
        fields.forEach((k, v) -> sb.append(sb.isEmpty() ? "" : "&").append(k).append('=')
                .append(URLEncoder.encode(v, StandardCharsets.UTF_8)));
        try {
            HttpResponse<String> r = http.send(HttpRequest.newBuilder(URI.create(url))
                    .header("Content-Type", "application/x-www-form-urlencoded")
                    .POST(HttpRequest.BodyPublishers.ofString(sb.toString())).build(), HttpResponse.BodyHandlers.ofString());
            if (r.statusCode() != 200) {
                throw new IllegalStateException("POST " + url + " answered " + r.statusCode() + ": " + r.body());
            }
            return JSON.readTree(r.body());
        } catch (IOException e) {
            throw new IllegalStateException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    /** A request builder with the bearer token, for the load client. */
    public static HttpRequest get(String url, String token) {
        return HttpRequest.newBuilder(URI.create(url)).timeout(Duration.ofSeconds(30))
                .header("Authorization", "Bearer " + token).GET().build();
    }

    public static HttpRequest postJson(String url, String token, String json) {
        return HttpRequest.newBuilder(URI.create(url)).timeout(Duration.ofSeconds(30))
                .header("Authorization", "Bearer " + token).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(json)).build();
    }
}
