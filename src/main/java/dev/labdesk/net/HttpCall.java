package dev.labdesk.net;

import dev.labdesk.kind.Cancellation;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.net.ConnectException;
import java.net.URI;
import java.net.UnknownHostException;
import java.net.http.HttpClient;
import java.net.http.HttpConnectTimeoutException;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.nio.ByteBuffer;
import java.nio.channels.UnresolvedAddressException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.CancellationException;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Flow;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import javax.net.ssl.SSLException;

/**
 * One HTTP request with a bounded body, a timeout and cancellation. Network failures come back as a
 * {@link Failure} with a sentence ("nothing answers at 127.0.0.1:8080 (connection refused)"), not as an exception.
 */
public final class HttpCall {

    /** Bodies are read up to this size; evidence and matching look at the head anyway. */
    public static final int MAX_BODY = 2 * 1024 * 1024;

    private static volatile HttpClient client;

    private HttpCall() {
    }

    /** What to send. {@code json} (any plain value) wins over {@code body}. */
    public record Request(String method, String url, Map<String, String> headers, Object json, String body, Duration timeout) {
        public Request {
            headers = headers == null ? Map.of() : Map.copyOf(headers);
        }

        public String describe() {
            return method + " " + url;
        }
    }

    public sealed interface Result permits Response, Failure {
    }

    /** A response: the status, headers (lower-case names, in arrival order) and the body head. */
    public record Response(int status, Map<String, List<String>> headers, byte[] body, boolean truncated, long elapsedMs)
            implements Result {

        public String bodyText() {
            return new String(body, StandardCharsets.UTF_8);
        }

        /** All values of a header, case-insensitive, or null when absent. */
        public List<String> header(String name) {
            return headers.get(name.toLowerCase(Locale.ROOT));
        }

        /** A few lines for evidence: status, headers (secrets hidden), a blank line and the body head. */
        public String evidence(int bodyChars) {
            StringBuilder b = new StringBuilder("HTTP ").append(status).append('\n');
            headers.forEach((name, values) -> {
                if (!name.startsWith(":")) {
                    b.append(name).append(": ").append(Redact.header(name, String.join(", ", values))).append('\n');
                }
            });
            String text = bodyText();
            if (!text.isEmpty()) {
                b.append('\n').append(text, 0, Math.min(text.length(), bodyChars));
                if (text.length() > bodyChars || truncated) {
                    b.append("\n... (").append(truncated ? "more than " + MAX_BODY : body.length).append(" bytes in all)");
                }
            }
            return b.toString();
        }
    }

    /** No response: {@code reason} says why in words; {@code timedOut} when the server did not answer in time. */
    public record Failure(String reason, boolean timedOut) implements Result {
    }

    /**
     * Sends the request and waits for the whole (bounded) response.
     *
     * @throws InterruptedException when cancelled or interrupted
     */
    public static Result send(Request request, Cancellation cancellation) throws InterruptedException {
        HttpRequest built;
        try {
            built = build(request);
        } catch (IllegalArgumentException e) {
            return new Failure("'" + request.url() + "' is not a usable URL: " + e.getMessage(), false);
        }
        long start = System.nanoTime();
        CompletableFuture<HttpResponse<Capped>> future = client().sendAsync(built, info -> new CappedSubscriber(MAX_BODY));
        cancellation.onCancel(() -> future.cancel(true));
        long waitMs = request.timeout().toMillis() + 1000;
        try {
            HttpResponse<Capped> r = future.get(waitMs, TimeUnit.MILLISECONDS);
            Map<String, List<String>> headers = new LinkedHashMap<>();
            r.headers().map().forEach((k, v) -> headers.put(k.toLowerCase(Locale.ROOT), List.copyOf(v)));
            return new Response(r.statusCode(), headers, r.body().bytes(), r.body().truncated(),
                    (System.nanoTime() - start) / 1_000_000);
        } catch (CancellationException e) {
            throw new InterruptedException("cancelled");
        } catch (InterruptedException e) {
            future.cancel(true);
            throw e;
        } catch (TimeoutException e) {
            future.cancel(true);
            return new Failure("no answer from " + hostPort(built.uri()) + " within " + seconds(request.timeout()), true);
        } catch (ExecutionException e) {
            return failure(e.getCause(), built.uri(), request.timeout());
        }
    }

    private static HttpRequest build(Request request) {
        URI uri = URI.create(request.url());
        if (uri.getScheme() == null || !(uri.getScheme().equals("http") || uri.getScheme().equals("https")) || uri.getHost() == null) {
            throw new IllegalArgumentException("write an http:// or https:// URL");
        }
        HttpRequest.Builder b = HttpRequest.newBuilder(uri).timeout(request.timeout());
        boolean hasContentType = false;
        for (Map.Entry<String, String> h : request.headers().entrySet()) {
            b.header(h.getKey(), h.getValue());
            hasContentType |= h.getKey().equalsIgnoreCase("content-type");
        }
        HttpRequest.BodyPublisher publisher;
        if (request.json() != null) {
            publisher = HttpRequest.BodyPublishers.ofString(PlainJson.write(request.json(), false));
            if (!hasContentType) {
                b.header("Content-Type", "application/json");
            }
        } else if (request.body() != null) {
            publisher = HttpRequest.BodyPublishers.ofString(request.body());
        } else {
            publisher = HttpRequest.BodyPublishers.noBody();
        }
        return b.method(request.method().toUpperCase(Locale.ROOT), publisher).build();
    }

    private static HttpClient client() {
        HttpClient c = client;
        if (c == null) {
            synchronized (HttpCall.class) {
                c = client;
                if (c == null) {
                    // Redirects are not followed: a check that expects 302 must see 302.
                    c = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
                            .connectTimeout(Duration.ofSeconds(5))
                            .followRedirects(HttpClient.Redirect.NEVER).build();
                    client = c;
                }
            }
        }
        return c;
    }

    private static Failure failure(Throwable cause, URI uri, Duration timeout) {
        Throwable t = cause;
        while (t != null) {
            if (t instanceof HttpConnectTimeoutException) {
                return new Failure("could not connect to " + hostPort(uri) + " within 5s", true);
            }
            if (t instanceof HttpTimeoutException) {
                return new Failure("no answer from " + hostPort(uri) + " within " + seconds(timeout), true);
            }
            if (t instanceof ConnectException) {
                return new Failure("nothing answers at " + hostPort(uri) + " (connection refused)", false);
            }
            if (t instanceof UnknownHostException || t instanceof UnresolvedAddressException) {
                return new Failure("the host '" + uri.getHost() + "' cannot be found", false);
            }
            if (t instanceof SSLException) {
                return new Failure("the TLS handshake with " + hostPort(uri) + " failed: " + t.getMessage(), false);
            }
            if (t.getCause() == null || t.getCause() == t) {
                break;
            }
            t = t.getCause();
        }
        String message = t == null ? "unknown error" : t.getMessage() != null ? t.getMessage() : t.getClass().getSimpleName();
        if (cause instanceof IOException && message.toLowerCase(Locale.ROOT).contains("closed")) {
            return new Failure(hostPort(uri) + " closed the connection without an answer", false);
        }
        return new Failure("the request to " + hostPort(uri) + " failed: " + message, false);
    }

    static String hostPort(URI uri) {
        int port = uri.getPort() != -1 ? uri.getPort() : "https".equals(uri.getScheme()) ? 443 : 80;
        return uri.getHost() + ":" + port;
    }

    private static String seconds(Duration d) {
        return dev.labdesk.pack.Durations.format(d);
    }

    /** A body and whether it was cut at {@link #MAX_BODY}. */
    record Capped(byte[] bytes, boolean truncated) {
    }

    /** Collects at most {@code cap} bytes, then cancels the rest of the stream. */
    private static final class CappedSubscriber implements HttpResponse.BodySubscriber<Capped> {
        private final int cap;
        private final ByteArrayOutputStream buffer = new ByteArrayOutputStream();
        private final CompletableFuture<Capped> result = new CompletableFuture<>();
        private Flow.Subscription subscription;

        CappedSubscriber(int cap) {
            this.cap = cap;
        }

        @Override
        public CompletionStage<Capped> getBody() {
            return result;
        }

        @Override
        public void onSubscribe(Flow.Subscription s) {
            this.subscription = s;
            s.request(1);
        }

        @Override
        public void onNext(List<ByteBuffer> items) {
            for (ByteBuffer item : items) {
                int room = cap - buffer.size();
                int n = Math.min(room, item.remaining());
                byte[] chunk = new byte[n];
                item.get(chunk);
                buffer.write(chunk, 0, n);
                if (item.hasRemaining() || buffer.size() >= cap) {
                    result.complete(new Capped(buffer.toByteArray(), true));
                    subscription.cancel();
                    return;
                }
            }
            subscription.request(1);
        }

        @Override
        public void onError(Throwable error) {
            result.completeExceptionally(error);
        }

        @Override
        public void onComplete() {
            result.complete(new Capped(buffer.toByteArray(), false));
        }
    }

    /** Headers for a report, secrets hidden. */
    public static List<String> showHeaders(Map<String, String> headers) {
        List<String> out = new ArrayList<>();
        headers.forEach((k, v) -> out.add(k + ": " + Redact.header(k, v)));
        return out;
    }
}
