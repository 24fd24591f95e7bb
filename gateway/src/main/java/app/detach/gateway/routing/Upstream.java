package app.detach.gateway.routing;

import java.net.URI;
import java.util.Locale;

/**
 * One upstream service, parsed once from its configured base URL. A base URL may carry a path
 * ({@code http://content:8080/base}); it is put in front of the request path.
 */
record Upstream(String name, String host, int port, boolean ssl, String basePath) {

    static Upstream of(String name, URI url) {
        if (url == null) {
            throw new IllegalStateException("No URL configured for upstream '" + name
                    + "': set detach.gateway.routes." + name + " (env DETACH_GATEWAY_ROUTES_"
                    + name.toUpperCase(Locale.ROOT) + ")");
        }
        String scheme = url.getScheme() == null ? "" : url.getScheme().toLowerCase(Locale.ROOT);
        if (!scheme.equals("http") && !scheme.equals("https")) {
            throw new IllegalStateException("Upstream '" + name + "' must be an http(s) URL, not " + url);
        }
        if (url.getHost() == null) {
            throw new IllegalStateException("Upstream '" + name + "' has no host: " + url);
        }
        boolean ssl = scheme.equals("https");
        int port = url.getPort() != -1 ? url.getPort() : ssl ? 443 : 80;
        String path = url.getRawPath() == null ? "" : url.getRawPath();
        String basePath = path.endsWith("/") ? path.substring(0, path.length() - 1) : path;
        return new Upstream(name, url.getHost(), port, ssl, basePath);
    }
}
