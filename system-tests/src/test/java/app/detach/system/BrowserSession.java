package app.detach.system;

import java.io.IOException;
import java.net.CookieHandler;
import java.net.CookieManager;
import java.net.CookiePolicy;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * A browser as far as sign-in is concerned: it keeps cookies, follows redirects and fills in
 * Keycloak's real login form. No JavaScript is needed for the code flow, so none is run.
 */
final class BrowserSession {

    private static final Pattern LOGIN_FORM_ACTION =
            Pattern.compile("<form[^>]*id=\"kc-form-login\"[^>]*action=\"([^\"]+)\"", Pattern.DOTALL);

    private final HttpClient client;
    private final URI gateway;

    BrowserSession(URI gateway) {
        this.gateway = gateway;
        this.client = HttpClient.newBuilder()
                .cookieHandler(new LocalhostCookies())
                .followRedirects(HttpClient.Redirect.NORMAL)
                .connectTimeout(Duration.ofSeconds(10))
                .build();
    }

    /** Opens the gateway, lands on Keycloak's login page, signs in and returns the page it ends on. */
    HttpResponse<String> signIn(String username, String password) {
        HttpResponse<String> loginPage = get("/");
        if (!loginPage.uri().getPath().contains("/protocol/openid-connect/auth")) {
            throw new AssertionError("expected Keycloak's login page, got " + loginPage.uri());
        }
        Matcher action = LOGIN_FORM_ACTION.matcher(loginPage.body());
        if (!action.find()) {
            throw new AssertionError("no login form on " + loginPage.uri());
        }
        URI formAction = URI.create(action.group(1).replace("&amp;", "&"));
        String form = formBody(Map.of("username", username, "password", password, "credentialId", ""));
        return send(HttpRequest.newBuilder(formAction)
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(form)));
    }

    HttpResponse<String> get(String path) {
        return send(HttpRequest.newBuilder(gateway.resolve(path)).GET());
    }

    /** Any request to the gateway with the session's cookies, e.g. a write from the page. */
    HttpResponse<String> request(String method, String path, String jsonBody, Map<String, String> headers) {
        HttpRequest.Builder request = HttpRequest.newBuilder(gateway.resolve(path))
                .method(method, jsonBody == null ? HttpRequest.BodyPublishers.noBody()
                        : HttpRequest.BodyPublishers.ofString(jsonBody));
        if (jsonBody != null) {
            request.header("Content-Type", "application/json");
        }
        headers.forEach(request::header);
        return send(request);
    }

    private HttpResponse<String> send(HttpRequest.Builder request) {
        try {
            return client.send(request.timeout(Duration.ofSeconds(30)).build(), HttpResponse.BodyHandlers.ofString());
        } catch (IOException e) {
            throw new AssertionError("request failed: " + e, e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionError("interrupted", e);
        }
    }

    /**
     * Browsers treat http://localhost as a secure context and send it cookies marked Secure
     * (Keycloak marks its login-session cookies so); Java's CookieManager does not. Dropping the
     * flag for localhost makes this client behave like the browser a user has.
     */
    private static final class LocalhostCookies extends CookieHandler {
        private final CookieManager cookies = new CookieManager(null, CookiePolicy.ACCEPT_ALL);

        @Override
        public Map<String, List<String>> get(URI uri, Map<String, List<String>> requestHeaders) throws IOException {
            return cookies.get(uri, requestHeaders);
        }

        @Override
        public void put(URI uri, Map<String, List<String>> responseHeaders) throws IOException {
            if (!"localhost".equals(uri.getHost())) {
                cookies.put(uri, responseHeaders);
                return;
            }
            Map<String, List<String>> withoutSecure = new HashMap<>();
            responseHeaders.forEach((name, values) -> withoutSecure.put(name,
                    name != null && name.equalsIgnoreCase("Set-Cookie")
                            ? values.stream().map(v -> v.replaceAll("(?i);\\s*Secure", "")).toList()
                            : values));
            cookies.put(uri, withoutSecure);
        }
    }

    private static String formBody(Map<String, String> fields) {
        return fields.entrySet().stream()
                .map(e -> URLEncoder.encode(e.getKey(), StandardCharsets.UTF_8) + "="
                        + URLEncoder.encode(e.getValue(), StandardCharsets.UTF_8))
                .collect(Collectors.joining("&"));
    }
}
