package dev.fitcheck.cli.browser;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.WebSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Predicate;
import java.util.stream.Stream;

/**
 * A real headless Chromium driven over the Chrome DevTools Protocol, with nothing but the JDK's
 * WebSocket client and Jackson: it loads a page, records what the page logs, throws and requests,
 * and takes a full-page screenshot at a given width. Each instance has its own fresh profile in a
 * temporary directory, removed on close.
 */
public final class HeadlessChromium implements AutoCloseable {

    private static final Duration START_TIMEOUT = Duration.ofSeconds(30);
    private static final Duration CALL_TIMEOUT = Duration.ofSeconds(30);
    private static final ObjectMapper JSON = new ObjectMapper();

    private final Process process;
    private final Path profile;
    private final WebSocket socket;
    private final Inbox inbox;
    private final AtomicInteger nextId = new AtomicInteger(1);

    private HeadlessChromium(Process process, Path profile, WebSocket socket, Inbox inbox) {
        this.process = process;
        this.profile = profile;
        this.socket = socket;
        this.inbox = inbox;
    }

    /** Answers to commands, by command id, and every event in arrival order. */
    private static final class Inbox {
        final Map<Integer, CompletableFuture<JsonNode>> pending = new ConcurrentHashMap<>();
        final List<JsonNode> events = new CopyOnWriteArrayList<>();

        void accept(String text) {
            JsonNode message;
            try {
                message = JSON.readTree(text);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
            if (message.has("id")) {
                CompletableFuture<JsonNode> reply = pending.get(message.get("id").asInt());
                if (reply != null) reply.complete(message);
            } else {
                events.add(message);
            }
        }
    }

    /** The first of Debian's {@code chromium}, {@code chromium-browser} or {@code google-chrome} on PATH. */
    public static Optional<Path> findBinary() {
        String path = System.getenv("PATH");
        if (path == null) return Optional.empty();
        for (String name : List.of("chromium", "chromium-browser", "google-chrome")) {
            for (String dir : path.split(java.io.File.pathSeparator)) {
                if (dir.isEmpty()) continue;
                Path candidate = Path.of(dir, name);
                if (Files.isRegularFile(candidate) && Files.isExecutable(candidate)) return Optional.of(candidate);
            }
        }
        return Optional.empty();
    }

    /** Starts the browser with a fresh profile and connects to it; it makes no request of its own. */
    public static HeadlessChromium start(Path binary) throws IOException, InterruptedException {
        Path profile = Files.createTempDirectory("fitcheck-chromium");
        Path log = profile.resolve("chromium.log");
        Process process = new ProcessBuilder(binary.toString(),
                "--headless=new", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
                "--no-default-browser-check", "--disable-background-networking", "--disable-component-update",
                "--disable-sync", "--disable-dev-shm-usage", "--hide-scrollbars", "--mute-audio",
                "--user-data-dir=" + profile.resolve("profile"), "--remote-debugging-port=0", "about:blank")
                .redirectErrorStream(true)
                .redirectOutput(log.toFile())
                .start();
        try {
            URI endpoint = endpoint(profile.resolve("profile").resolve("DevToolsActivePort"), process, log);
            Inbox inbox = new Inbox();
            WebSocket socket = HttpClient.newHttpClient().newWebSocketBuilder()
                    .connectTimeout(Duration.ofSeconds(10))
                    .buildAsync(endpoint, new Listener(inbox::accept))
                    .get(10, TimeUnit.SECONDS);
            return new HeadlessChromium(process, profile, socket, inbox);
        } catch (IOException | RuntimeException | ExecutionException | TimeoutException e) {
            process.destroyForcibly();
            process.waitFor(5, TimeUnit.SECONDS);
            String output = Files.exists(log) ? Files.readString(log) : "";
            deleteTree(profile);
            throw new IOException("chromium did not start: " + e.getMessage() + "\n" + tail(output), e);
        }
    }

    /** Chromium writes the port it chose, and the browser's WebSocket path, into the profile once it listens. */
    private static URI endpoint(Path portFile, Process process, Path log) throws IOException, InterruptedException {
        Instant deadline = Instant.now().plus(START_TIMEOUT);
        while (Instant.now().isBefore(deadline)) {
            if (Files.exists(portFile)) {
                List<String> lines = Files.readAllLines(portFile, StandardCharsets.UTF_8);
                if (lines.size() >= 2 && !lines.get(1).isBlank()) {
                    return URI.create("ws://127.0.0.1:" + lines.get(0).strip() + lines.get(1).strip());
                }
            }
            if (!process.isAlive()) {
                throw new IOException("chromium exited with " + process.exitValue());
            }
            Thread.sleep(50);
        }
        throw new IOException("no DevToolsActivePort after " + START_TIMEOUT.toSeconds() + " s");
    }

    /**
     * Opens {@code html} in a new tab {@code width} CSS pixels wide and waits for its load event
     * and a short quiet time after it, so that late console messages and requests are seen too.
     */
    public LoadedPage load(Path html, int width) throws IOException {
        String url = html.toAbsolutePath().normalize().toUri().toString();
        String targetId = call("Target.createTarget", params().put("url", "about:blank"), null).path("targetId").asText();
        String session = call("Target.attachToTarget", params().put("targetId", targetId).put("flatten", true), null)
                .path("sessionId").asText();
        int from = inbox.events.size();
        for (String domain : List.of("Runtime", "Log", "Network", "Page")) {
            call(domain + ".enable", params(), session);
        }
        call("Emulation.setDeviceMetricsOverride", params().put("width", width).put("height", 800)
                .put("deviceScaleFactor", 1).put("mobile", false), session);
        JsonNode navigated = call("Page.navigate", params().put("url", url), session);
        if (navigated.hasNonNull("errorText")) {
            throw new IOException("chromium could not open " + url + ": " + navigated.get("errorText").asText());
        }
        awaitEvent(e -> session.equals(e.path("sessionId").asText()) && "Page.loadEventFired".equals(e.path("method").asText()),
                Duration.ofSeconds(30));
        LoadedPage page = new LoadedPage(this, session, url, width, from);
        // The blank tab's own load may be what fired: wait until the document is ours and complete.
        Instant deadline = Instant.now().plus(Duration.ofSeconds(30));
        while (!page.evaluate("document.readyState === 'complete' && location.href === " + JSON.writeValueAsString(url)).asBoolean()) {
            if (Instant.now().isAfter(deadline)) throw new IOException(url + " did not finish loading in 30 s");
            sleep(20);
        }
        quiet(Duration.ofMillis(500));
        return page;
    }

    List<JsonNode> events(String session, int from) {
        List<JsonNode> out = new ArrayList<>();
        for (int i = from; i < inbox.events.size(); i++) {
            JsonNode e = inbox.events.get(i);
            if (session.equals(e.path("sessionId").asText())) out.add(e);
        }
        return out;
    }

    /** Sends one protocol command and waits for its result; a protocol error becomes an IOException. */
    JsonNode call(String method, ObjectNode params, String session) throws IOException {
        int id = nextId.getAndIncrement();
        ObjectNode message = JSON.createObjectNode().put("id", id).put("method", method);
        message.set("params", params);
        if (session != null) message.put("sessionId", session);
        CompletableFuture<JsonNode> reply = new CompletableFuture<>();
        inbox.pending.put(id, reply);
        try {
            synchronized (socket) {
                socket.sendText(JSON.writeValueAsString(message), true).get(CALL_TIMEOUT.toSeconds(), TimeUnit.SECONDS);
            }
            JsonNode answer = reply.get(CALL_TIMEOUT.toSeconds(), TimeUnit.SECONDS);
            if (answer.has("error")) {
                throw new IOException(method + " failed: " + answer.get("error"));
            }
            return answer.path("result");
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IOException(method + " interrupted", e);
        } catch (ExecutionException | TimeoutException e) {
            throw new IOException(method + " got no answer: " + e, e);
        } finally {
            inbox.pending.remove(id);
        }
    }

    static ObjectNode params() {
        return JSON.createObjectNode();
    }

    private void awaitEvent(Predicate<JsonNode> wanted, Duration timeout) throws IOException {
        Instant deadline = Instant.now().plus(timeout);
        int seen = 0;
        while (Instant.now().isBefore(deadline)) {
            for (; seen < inbox.events.size(); seen++) {
                if (wanted.test(inbox.events.get(seen))) return;
            }
            sleep(20);
        }
        throw new IOException("the page did not finish loading in " + timeout.toSeconds() + " s");
    }

    /** Waits until no event has arrived for {@code period} (at most ten periods). */
    private void quiet(Duration period) {
        int count = inbox.events.size();
        for (int i = 0; i < 10; i++) {
            sleep(period.toMillis());
            if (inbox.events.size() == count) return;
            count = inbox.events.size();
        }
    }

    private static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    @Override
    public void close() {
        try {
            call("Browser.close", params(), null);
        } catch (IOException | RuntimeException e) {
            // The process is ended below either way.
        }
        socket.abort();
        try {
            if (!process.waitFor(10, TimeUnit.SECONDS)) {
                process.destroyForcibly();
                process.waitFor(10, TimeUnit.SECONDS);
            }
        } catch (InterruptedException e) {
            process.destroyForcibly();
            Thread.currentThread().interrupt();
        }
        deleteTree(profile);
    }

    private static void deleteTree(Path root) {
        if (!Files.exists(root)) return;
        try (Stream<Path> paths = Files.walk(root)) {
            paths.sorted(Comparator.reverseOrder()).forEach(p -> {
                try {
                    Files.deleteIfExists(p);
                } catch (IOException e) {
                    // A file the browser still holds is left to the system's temporary-file cleanup.
                }
            });
        } catch (IOException e) {
            // As above.
        }
    }

    private static String tail(String output) {
        return output.length() <= 4000 ? output : output.substring(output.length() - 4000);
    }

    /** Reassembles messages that arrive in parts, and asks for the next one only when it has passed this one on. */
    private static final class Listener implements WebSocket.Listener {
        private final java.util.function.Consumer<String> onMessage;
        private final StringBuilder parts = new StringBuilder();

        Listener(java.util.function.Consumer<String> onMessage) {
            this.onMessage = onMessage;
        }

        @Override
        public CompletionStage<?> onText(WebSocket socket, CharSequence data, boolean last) {
            parts.append(data);
            if (last) {
                String message = parts.toString();
                parts.setLength(0);
                onMessage.accept(message);
            }
            socket.request(1);
            return null;
        }
    }
}
