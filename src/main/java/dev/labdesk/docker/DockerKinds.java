package dev.labdesk.docker;

import dev.labdesk.kind.KindContext;
import dev.labdesk.pack.Durations;
import dev.labdesk.pack.schema.Shape;
import dev.labdesk.pack.schema.Shapes;
import dev.labdesk.pack.yaml.YMap;
import dev.labdesk.pack.yaml.YNode;
import dev.labdesk.pack.yaml.YScalar;
import dev.labdesk.pack.yaml.YSeq;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

/** Shapes and small helpers the docker kinds share. */
final class DockerKinds {

    static final java.util.Set<String> REQUIRES = java.util.Set.of("docker");

    private static final Pattern IMAGE_REF = Pattern.compile(
            "(?:[a-zA-Z0-9.-]+(?::\\d+)?/)?[a-z0-9]+(?:[._-]+[a-z0-9]+)*(?:/[a-z0-9]+(?:[._-]+[a-z0-9]+)*)*"
                    + "(?::[\\w][\\w.-]{0,127})?(?:@sha256:[a-f0-9]{64})?|sha256:[a-f0-9]{12,64}");
    private static final Pattern CONTAINER_NAME = Pattern.compile("[a-zA-Z0-9][a-zA-Z0-9_.-]{0,127}");

    private DockerKinds() {
    }

    /** An image reference: {@code name:tag}, {@code registry/name:tag}, or an image id. */
    static Shape imageRef() {
        return new Shape.Scalar("an image name like web:1.0", (v, label, ctx) -> {
            String text = v.asText();
            if (!IMAGE_REF.matcher(text).matches()) {
                String hint = !text.equals(text.toLowerCase(java.util.Locale.ROOT)) ? " (image names are lowercase)" : "";
                ctx.bad(v.pos(), "'" + label + "' in " + ctx.where() + " must be an image name like web:1.0 or "
                        + "labdesk/python-flask:bookworm" + hint + "; got '" + text + "'");
            }
        });
    }

    static Shape containerName() {
        return new Shape.Scalar("a container name like web", (v, label, ctx) -> {
            if (!CONTAINER_NAME.matcher(v.asText()).matches()) {
                ctx.bad(v.pos(), "'" + label + "' in " + ctx.where() + " must be a container name made of letters, digits, "
                        + "'_', '.' and '-', like web; got '" + v.asText() + "'");
            }
        });
    }

    /** {@code "8080:5000"} (host:container, host side on 127.0.0.1) or a bare port number. */
    static Shape port() {
        return new Shape.Scalar("a port mapping like \"8080:5000\"", (v, label, ctx) -> {
            String text = v.asText();
            if (text.matches("\\d{1,3}(\\.\\d{1,3}){3}:.*|\\[.*\\]:.*|localhost:.*")) {
                ctx.bad(v.pos(), "'" + label + "' in " + ctx.where() + " names a host address; write only \"HOST_PORT:CONTAINER_PORT\" "
                        + "like \"8080:5000\": LabDesk always publishes on 127.0.0.1");
            } else if (PortSpec.parse(text) == null) {
                ctx.bad(v.pos(), "'" + label + "' in " + ctx.where() + " must be a port mapping \"HOST:CONTAINER\" like \"8080:5000\" "
                        + "(ports 1-65535, optionally /udp); got '" + text + "'");
            }
        });
    }

    /** {@code 5000} or {@code "5000/tcp"}. */
    static Shape exposedPort() {
        return new Shape.Scalar("a port like 5000 or \"5000/tcp\"", (v, label, ctx) -> {
            if (!v.asText().matches("\\d{1,5}(/(tcp|udp|sctp))?")) {
                ctx.bad(v.pos(), "'" + label + "' in " + ctx.where() + " must be a port like 5000 or \"5000/udp\"; got '" + v.asText() + "'");
            }
        });
    }

    static Shape size() {
        return new Shape.Scalar("a size like 200MB, 1.5GB or a number of bytes", (v, label, ctx) -> {
            if (Sizes.parse(v.asText()) < 0) {
                ctx.bad(v.pos(), "'" + label + "' in " + ctx.where() + " must be a size like 200MB, 1.5GB or a number of bytes; got '"
                        + v.asText() + "'");
            }
        });
    }

    static Shape stringMap() {
        return Shapes.mapOf(Shapes.text(), Shapes.text());
    }

    static DockerEngine engine(KindContext ctx) {
        return ctx.service(DockerEngine.class);
    }

    static Map<String, String> labels(KindContext ctx) {
        return Map.of(DockerEngine.LAB_LABEL, ctx.labKey());
    }

    static String text(YMap body, String key, String fallback) {
        String v = body.text(key);
        return v == null || v.isBlank() ? fallback : v;
    }

    static boolean bool(YMap body, String key, boolean fallback) {
        return body.get(key) instanceof YScalar s && s.value() instanceof Boolean b ? b : fallback;
    }

    static Duration duration(YMap body, String key, Duration fallback) {
        Duration d = Durations.parse(body.text(key));
        return d == null ? fallback : d;
    }

    static Map<String, String> map(YNode node) {
        Map<String, String> out = new LinkedHashMap<>();
        if (node instanceof YMap m) {
            for (YMap.Entry e : m.entries()) {
                out.put(e.name(), e.value() instanceof YScalar s ? s.asText() : String.valueOf(e.value().toPlain()));
            }
        }
        return out;
    }

    static List<String> texts(YNode node) {
        List<String> out = new ArrayList<>();
        if (node instanceof YSeq seq) {
            for (YNode item : seq.items()) {
                out.add(item instanceof YScalar s ? s.asText() : String.valueOf(item.toPlain()));
            }
        } else if (node instanceof YScalar s && !s.isNull()) {
            out.add(s.asText());
        }
        return out;
    }

    /** A path inside {@code root}, or null when the text climbs out of it. */
    static Path inside(Path root, String relative) {
        Path base = root.toAbsolutePath().normalize();
        Path p = base.resolve(relative).normalize();
        return p.startsWith(base) ? p : null;
    }

    /** Splits a command written as one string the way a shell splits words (quotes kept together), without a shell. */
    static List<String> words(String command) {
        List<String> out = new ArrayList<>();
        StringBuilder cur = new StringBuilder();
        char quote = 0;
        boolean any = false;
        for (int i = 0; i < command.length(); i++) {
            char c = command.charAt(i);
            if (quote != 0) {
                if (c == quote) {
                    quote = 0;
                } else if (c == '\\' && quote == '"' && i + 1 < command.length()) {
                    cur.append(command.charAt(++i));
                } else {
                    cur.append(c);
                }
            } else if (c == '"' || c == '\'') {
                quote = c;
                any = true;
            } else if (Character.isWhitespace(c)) {
                if (cur.length() > 0 || any) {
                    out.add(cur.toString());
                    cur.setLength(0);
                    any = false;
                }
            } else if (c == '\\' && i + 1 < command.length()) {
                cur.append(command.charAt(++i));
            } else {
                cur.append(c);
            }
        }
        if (cur.length() > 0 || any) {
            out.add(cur.toString());
        }
        return out;
    }
}
