package dev.labdesk.docker;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Finds where the learner's Docker engine listens, in the Docker CLI's order: {@code DOCKER_HOST},
 * then {@code DOCKER_CONTEXT} or the current context of {@code ~/.docker/config.json}; only when
 * none of those is set, the well-known sockets of Linux, Docker Desktop, Rancher Desktop, colima,
 * OrbStack and Windows named pipes. An explicit setting is never silently replaced by another engine.
 */
public final class EngineLocator {

    /** System property that wins over DOCKER_HOST: pins LabDesk (and tests) to one engine. */
    public static final String HOST_PROPERTY = "labdesk.docker.host";

    private static final ObjectMapper JSON = new ObjectMapper();

    /** What the locator reads from the outside world, so tests can give it their own. */
    public record Env(Map<String, String> vars, Path home, String os) {
        public static Env system() {
            Map<String, String> vars = new java.util.HashMap<>(System.getenv());
            String pinned = System.getProperty(HOST_PROPERTY);
            if (pinned != null && !pinned.isBlank()) {
                vars.put("DOCKER_HOST", pinned);
                vars.remove("DOCKER_CONTEXT");
            }
            return new Env(Map.copyOf(vars), Path.of(System.getProperty("user.home")), System.getProperty("os.name", ""));
        }

        String get(String name) {
            String v = vars.get(name);
            return v == null || v.isBlank() ? null : v.trim();
        }

        boolean windows() {
            return os.toLowerCase(Locale.ROOT).contains("win");
        }

        boolean mac() {
            String o = os.toLowerCase(Locale.ROOT);
            return o.contains("mac") || o.contains("darwin");
        }
    }

    /**
     * A place an engine may listen.
     *
     * @param uri      null when the setting is broken (then {@code problem} says why)
     * @param explicit set by the user (DOCKER_HOST, a context): no fallback past it
     * @param certPath folder with ca.pem, cert.pem and key.pem when TLS is verified, else null
     */
    public record Candidate(String source, String uri, boolean explicit, String certPath, String problem, String fix) {
        static Candidate of(String source, String uri, boolean explicit, String certPath) {
            return new Candidate(source, uri, explicit, certPath, null, null);
        }

        static Candidate broken(String source, String problem, String fix) {
            return new Candidate(source, null, true, null, problem, fix);
        }

        /** The socket file for unix:// endpoints, else null. */
        public Path socketPath() {
            return uri != null && uri.startsWith("unix://") ? Path.of(uri.substring("unix://".length())) : null;
        }
    }

    private final Env env;

    public EngineLocator(Env env) {
        this.env = env;
    }

    public static EngineLocator system() {
        return new EngineLocator(Env.system());
    }

    /** Every place to try, in order. When the first is explicit, it is the only one. */
    public List<Candidate> candidates() {
        String host = env.get("DOCKER_HOST");
        if (host != null) {
            return List.of(Candidate.of("DOCKER_HOST", normalise(host), true, tlsFromEnv()));
        }
        String context = env.get("DOCKER_CONTEXT");
        String contextSource = "DOCKER_CONTEXT";
        Path configDir = configDir();
        if (context == null) {
            context = currentContext(configDir);
            contextSource = "current context in " + configDir.resolve("config.json");
        }
        if (context != null && !context.equals("default")) {
            return List.of(fromContext(context, contextSource, configDir));
        }
        return wellKnown();
    }

    private Path configDir() {
        String dir = env.get("DOCKER_CONFIG");
        return dir != null ? Path.of(dir) : env.home().resolve(".docker");
    }

    private String tlsFromEnv() {
        String verify = env.get("DOCKER_TLS_VERIFY");
        if (verify == null || verify.equals("0") || verify.equalsIgnoreCase("false")) {
            return null;
        }
        String certs = env.get("DOCKER_CERT_PATH");
        return certs != null ? certs : configDir().toString();
    }

    static String currentContext(Path configDir) {
        Path config = configDir.resolve("config.json");
        if (!Files.isRegularFile(config)) {
            return null;
        }
        try {
            JsonNode node = JSON.readTree(config.toFile()).path("currentContext");
            return node.isTextual() && !node.asText().isBlank() ? node.asText() : null;
        } catch (IOException e) {
            return null; // the Docker CLI would complain too; fall back to the default context
        }
    }

    /** Contexts live in {@code contexts/meta/<sha256 of the name>/meta.json}, TLS files beside in {@code contexts/tls/}. */
    private Candidate fromContext(String name, String source, Path configDir) {
        String hash = sha256(name);
        Path meta = configDir.resolve("contexts").resolve("meta").resolve(hash).resolve("meta.json");
        String label = source + " (context '" + name + "')";
        String fix = "switch to an existing context (`docker context ls`, then `docker context use NAME`), "
                + "or set DOCKER_HOST";
        if (!Files.isRegularFile(meta)) {
            return Candidate.broken(label, "the Docker context '" + name + "' does not exist (no " + meta + ")", fix);
        }
        try {
            JsonNode docker = JSON.readTree(meta.toFile()).path("Endpoints").path("docker");
            String host = docker.path("Host").asText("");
            if (host.isBlank()) {
                return Candidate.broken(label, "the Docker context '" + name + "' has no docker endpoint", fix);
            }
            Path tls = configDir.resolve("contexts").resolve("tls").resolve(hash).resolve("docker");
            boolean skipVerify = docker.path("SkipTLSVerify").asBoolean(false);
            String certs = !skipVerify && Files.isRegularFile(tls.resolve("ca.pem")) ? tls.toString() : null;
            return Candidate.of(label, normalise(host), true, certs);
        } catch (IOException e) {
            return Candidate.broken(label, "cannot read the Docker context '" + name + "': " + e.getMessage(), fix);
        }
    }

    private List<Candidate> wellKnown() {
        List<Candidate> out = new ArrayList<>();
        Path home = env.home();
        if (env.windows()) {
            out.add(Candidate.of("Docker Desktop / Docker Engine named pipe", "npipe:////./pipe/docker_engine", false, null));
            out.add(Candidate.of("Docker Desktop Linux engine pipe", "npipe:////./pipe/dockerDesktopLinuxEngine", false, null));
            return out;
        }
        out.add(socket(env.mac() ? "default socket (Docker Desktop)" : "Linux default socket", Path.of("/var/run/docker.sock")));
        if (!env.mac()) {
            String runtime = env.get("XDG_RUNTIME_DIR");
            if (runtime != null) {
                out.add(socket("rootless Docker", Path.of(runtime, "docker.sock")));
            }
        }
        out.add(socket("Docker Desktop", home.resolve(".docker/run/docker.sock")));
        out.add(socket("Docker Desktop", home.resolve(".docker/desktop/docker.sock")));
        out.add(socket("Rancher Desktop", home.resolve(".rd/docker.sock")));
        out.add(socket("colima", home.resolve(".colima/default/docker.sock")));
        out.add(socket("colima", home.resolve(".colima/docker.sock")));
        out.add(socket("OrbStack", home.resolve(".orbstack/run/docker.sock")));
        return out;
    }

    private static Candidate socket(String source, Path path) {
        return Candidate.of(source, "unix://" + path, false, null);
    }

    /** {@code unix:///x}, {@code tcp://h:p}, {@code npipe:////./pipe/x}; ssh:// is kept and rejected later with a reason. */
    static String normalise(String host) {
        if (host.startsWith("/")) {
            return "unix://" + host;
        }
        return host;
    }

    static String sha256(String text) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
