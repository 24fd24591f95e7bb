package app.detach.local;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;

/** A cheap, non-blocking-for-long question: is the thing ready yet? Never throws. */
@FunctionalInterface
public interface ReadinessProbe {

    boolean isReady();

    /** What the last unsuccessful check saw (e.g. "GET … answered 403"), for a timeout message; may be empty. */
    default String lastAnswer() {
        return "";
    }

    /** Ready when a GET of {@code url} answers 200. */
    static ReadinessProbe http(String url) {
        HttpClient client = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(1)).build();
        HttpRequest request = HttpRequest.newBuilder(URI.create(url)).timeout(Duration.ofSeconds(3)).GET().build();
        return new ReadinessProbe() {
            private volatile String last = "";

            @Override
            public boolean isReady() {
                try {
                    int status = client.send(request, HttpResponse.BodyHandlers.discarding()).statusCode();
                    last = "GET " + url + " answered " + status;
                    return status == 200;
                } catch (IOException e) {
                    last = "GET " + url + ": " + (e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage());
                    return false;
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    return false;
                }
            }

            @Override
            public String lastAnswer() {
                return last;
            }
        };
    }

    /** Ready when something accepts TCP connections on 127.0.0.1:{@code port}. */
    static ReadinessProbe tcp(int port) {
        return () -> {
            try (Socket socket = new Socket()) {
                socket.connect(new InetSocketAddress("127.0.0.1", port), 500);
                return true;
            } catch (IOException e) {
                return false;
            }
        };
    }

    default ReadinessProbe and(ReadinessProbe next) {
        return () -> isReady() && next.isReady();
    }
}
