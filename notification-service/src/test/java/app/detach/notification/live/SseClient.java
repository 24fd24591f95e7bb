package app.detach.notification.live;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.stream.Stream;

import org.awaitility.Awaitility;

/** A minimal Server-Sent Events client: collects the raw lines of one stream in the background. */
final class SseClient implements AutoCloseable {

    final List<String> lines = new CopyOnWriteArrayList<>();
    final int status;
    private final Stream<String> body;
    private final Thread reader;

    SseClient(URI uri, String token) throws Exception {
        HttpClient client = HttpClient.newHttpClient();
        HttpRequest request = HttpRequest.newBuilder(uri).header("Authorization", "Bearer " + token)
                .header("Accept", "text/event-stream").GET().build();
        HttpResponse<Stream<String>> response = client.sendAsync(request, HttpResponse.BodyHandlers.ofLines())
                .get(20, java.util.concurrent.TimeUnit.SECONDS);
        status = response.statusCode();
        body = response.body();
        reader = new Thread(() -> {
            try {
                body.forEach(line -> lines.add(line.replaceFirst("^(event|id|data): ", "$1:")));
            } catch (RuntimeException e) {
                // closed by the test
            }
        }, "sse-test-reader");
        reader.setDaemon(true);
        reader.start();
    }

    void awaitLine(String fragment) {
        Awaitility.await().atMost(Duration.ofSeconds(20)).pollInterval(Duration.ofMillis(100))
                .until(() -> lines.stream().anyMatch(l -> l.contains(fragment)));
    }

    long count(String fragment) {
        return lines.stream().filter(l -> l.contains(fragment)).count();
    }

    @Override
    public void close() {
        body.close();
        reader.interrupt();
    }
}
