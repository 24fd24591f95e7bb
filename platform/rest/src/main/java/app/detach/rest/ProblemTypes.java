package app.detach.rest;

import java.net.URI;

/**
 * Problem type URIs. They name the kind of problem so clients can branch on it; they are stable
 * identifiers, documented in docs/api.md, not links that must resolve.
 */
public final class ProblemTypes {

    public static final String BASE = "https://detach.app/problems/";
    public static final URI VALIDATION = URI.create(BASE + "validation");
    public static final URI MALFORMED_BODY = URI.create(BASE + "malformed-body");

    private ProblemTypes() {
    }

    public static URI forStatus(int status) {
        return URI.create(BASE + switch (status) {
            case 400 -> "bad-request";
            case 401 -> "unauthorized";
            case 403 -> "forbidden";
            case 404 -> "not-found";
            case 405 -> "method-not-allowed";
            case 406 -> "not-acceptable";
            case 409 -> "conflict";
            case 413 -> "payload-too-large";
            case 415 -> "unsupported-media-type";
            case 422 -> "unprocessable";
            case 429 -> "too-many-requests";
            case 503 -> "service-unavailable";
            default -> status >= 500 ? "server-error" : "client-error";
        });
    }
}
