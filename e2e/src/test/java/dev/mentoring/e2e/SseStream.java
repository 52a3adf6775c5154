package dev.mentoring.e2e;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

/** A Server-Sent Events stream as an app reads it: its lines as they come, read on a thread of its own. */
final class SseStream implements AutoCloseable {

    /** One event: its id and its data (the data lines joined). */
    record Event(String id, String data) {
    }

    private final BlockingQueue<String> lines = new LinkedBlockingQueue<>();
    private final Stream<String> body;
    final int status;

    SseStream(String url, String bearer, String lastEventId) throws IOException, InterruptedException {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(url)).header("Authorization", "Bearer " + bearer)
                .header("Accept", "text/event-stream");
        if (lastEventId != null) {
            request.header("Last-Event-ID", lastEventId);
        }
        HttpResponse<Stream<String>> response = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build()
                .send(request.build(), HttpResponse.BodyHandlers.ofLines());
        status = response.statusCode();
        body = response.body();
        Thread reader = new Thread(() -> {
            try {
                body.forEach(lines::add);
            } catch (RuntimeException closed) {
                // closed by the test
            }
        });
        reader.setDaemon(true);
        reader.start();
    }

    /** The next line that is not blank, within the time; null if none came. */
    String nextLine(Duration within) throws InterruptedException {
        long until = System.nanoTime() + within.toNanos();
        while (System.nanoTime() < until) {
            String line = lines.poll(until - System.nanoTime(), TimeUnit.NANOSECONDS);
            if (line != null && !line.isBlank()) {
                return line;
            }
        }
        return null;
    }

    /** The next event (comments skipped), within the time; null if none came. */
    Event next(Duration within) throws InterruptedException {
        long until = System.nanoTime() + within.toNanos();
        String id = null;
        List<String> data = new ArrayList<>();
        while (System.nanoTime() < until) {
            String line = lines.poll(until - System.nanoTime(), TimeUnit.NANOSECONDS);
            if (line == null) {
                break;
            }
            if (line.isBlank() && !data.isEmpty()) {
                return new Event(id, String.join("\n", data));
            }
            if (line.startsWith("id:")) {
                id = line.substring(3).strip();
            } else if (line.startsWith("data:")) {
                data.add(line.substring(5).strip());
            }
        }
        return null;
    }

    @Override
    public void close() {
        body.close();
    }
}
