package dev.labdesk.check.kinds;

import dev.labdesk.kind.CheckKind;
import dev.labdesk.kind.CheckOutcome;
import dev.labdesk.kind.KindContext;
import dev.labdesk.pack.CheckSpec;
import dev.labdesk.pack.schema.Shape;
import dev.labdesk.pack.schema.Shapes;
import dev.labdesk.check.JsonExpectations;
import dev.labdesk.check.Matchers;
import dev.labdesk.check.Verdicts;
import dev.labdesk.net.HttpCall;
import dev.labdesk.net.Redact;
import dev.labdesk.pack.yaml.YMap;
import dev.labdesk.pack.yaml.YNode;
import dev.labdesk.pack.yaml.YSeq;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Pattern;

/** {@code http.get: URL} / {@code http.post: {url, json|body}}: status, headers and body of a response. */
public final class HttpCheck implements CheckKind {

    private final String method;

    public HttpCheck(String method) {
        this.method = method;
    }

    @Override
    public String name() {
        return "http." + method;
    }

    @Override
    public String summary() {
        return "an HTTP " + method.toUpperCase(java.util.Locale.ROOT) + " answers with the expected status, headers and body";
    }

    @Override
    public Shape subject() {
        Shapes.ObjBuilder request = Shapes.obj()
                .required("url", Shapes.url(), "where to send the request")
                .optional("headers", Shapes.mapOf(Shapes.text(), Shapes.text()), "request headers");
        if (method.equals("post")) {
            request.optional("json", Shapes.any(), "a body sent as JSON")
                    .optional("body", Shapes.text(), "a body sent as text");
        }
        return Shapes.oneOf("a URL, or a mapping with url" + (method.equals("post") ? ", json or body" : ""),
                Shapes.url(), request.build());
    }

    @Override
    public Shape expect() {
        return Shapes.obj()
                .optional("status", Shapes.oneOf("a status like 200, a list of them, or a class like 2xx",
                        Shapes.oneOf("a status like 200 or 2xx", Shapes.integer(100, 599), statusClass()),
                        Shapes.listOf(Shapes.integer(100, 599))), "the status code (default: any 2xx)")
                .optional("headers", Shapes.mapOf(Shapes.text(), Shapes.matcher()), "response headers")
                .optional("text", Shapes.listOrOne(Shapes.text()), "text the body must contain")
                .optional("regex", Shapes.listOrOne(Shapes.regex()), "patterns the body must match")
                .optional("json", Shapes.jsonExpectations(), "JSONPath expectations on a JSON body")
                .build();
    }

    private static Shape statusClass() {
        return new Shape.Scalar("a status class like 2xx", (v, label, ctx) -> {
            if (!v.asText().matches("[1-5]xx")) {
                ctx.bad(v.pos(), "'" + label + "' must be a status like 200 or a class like 2xx; got '" + v.asText() + "'");
            }
        });
    }

    /** Per attempt, unless the check sets {@code timeout}. */
    public static final Duration DEFAULT_TIMEOUT = Duration.ofSeconds(10);

    @Override
    public CheckOutcome evaluate(CheckSpec check, KindContext ctx) throws InterruptedException {
        HttpCall.Request request = request(check);
        YMap expect = Specs.map(check.expect());
        List<Matchers.Verdict> verdicts = new ArrayList<>();
        String statusWanted = statusWanted(expect == null ? null : expect.get("status"));

        HttpCall.Result result = HttpCall.send(request, ctx.cancellation());
        if (result instanceof HttpCall.Failure f) {
            return CheckOutcome.fail(request.describe() + " answers with " + statusWanted, f.reason());
        }
        HttpCall.Response response = (HttpCall.Response) result;
        verdicts.add(new Matchers.Verdict(statusMatches(expect == null ? null : expect.get("status"), response.status()),
                statusWanted, "status " + response.status()));
        if (expect != null) {
            if (expect.get("headers") instanceof YMap headers) {
                for (YMap.Entry h : headers.entries()) {
                    List<String> values = response.header(h.name());
                    Object actual = values == null ? Matchers.MISSING : String.join(", ", values);
                    Matchers.Verdict v = Matchers.match("header " + h.name(), h.value().toPlain(), actual);
                    verdicts.add(Redact.isSecretHeader(h.name()) ? hideActual(v) : v);
                }
            }
            String body = response.bodyText();
            String squashed = Specs.squash(body);
            for (String t : Specs.texts(expect.get("text"))) {
                boolean ok = squashed.contains(Specs.squash(t));
                verdicts.add(new Matchers.Verdict(ok, "the body contains " + Specs.quoted(t),
                        ok ? "the body contains it" : "the body does not contain " + Specs.quoted(t)));
            }
            for (String r : Specs.texts(expect.get("regex"))) {
                boolean ok = Pattern.compile(r, Pattern.MULTILINE).matcher(body).find();
                verdicts.add(new Matchers.Verdict(ok, "the body matches /" + r + "/",
                        ok ? "the body matches it" : "the body does not match /" + r + "/"));
            }
            if (expect.get("json") instanceof YMap json) {
                try {
                    Object document = StructuredText.json(body);
                    verdicts.addAll(JsonExpectations.check(document, (Map<?, ?>) json.toPlain()));
                } catch (StructuredText.Unreadable e) {
                    verdicts.add(new Matchers.Verdict(false, "the body is JSON", "the body is not JSON: " + e.getMessage()));
                }
            }
        }
        CheckOutcome outcome = Verdicts.outcome(verdicts);
        return outcome.withEvidence(request.describe() + " -> " + response.evidence(outcome.passed() ? 300 : 800));
    }

    private HttpCall.Request request(CheckSpec check) {
        String m = method.toUpperCase(Locale.ROOT);
        Duration timeout = check.timeout() != null ? check.timeout() : DEFAULT_TIMEOUT;
        if (check.subject() instanceof YMap map) {
            return new HttpCall.Request(m, map.text("url"), Specs.textMap(map.get("headers")),
                    map.get("json") == null ? null : map.get("json").toPlain(), map.text("body"), timeout);
        }
        return new HttpCall.Request(m, Specs.text(check.subject()), Map.of(), null, null, timeout);
    }

    private static String statusWanted(YNode status) {
        if (status == null) {
            return "status 2xx";
        }
        if (status instanceof YSeq seq) {
            return "status " + String.join(" or ", seq.items().stream().map(Specs::text).toList());
        }
        return "status " + Specs.text(status);
    }

    private static boolean statusMatches(YNode status, int actual) {
        if (status == null) {
            return actual / 100 == 2;
        }
        if (status instanceof YSeq seq) {
            return seq.items().stream().anyMatch(i -> statusMatches(i, actual));
        }
        String want = Specs.text(status);
        if (want == null) {
            return false;
        }
        if (want.matches("[1-5]xx")) {
            return actual / 100 == want.charAt(0) - '0';
        }
        return want.trim().equals(String.valueOf(actual));
    }

    private static Matchers.Verdict hideActual(Matchers.Verdict v) {
        return new Matchers.Verdict(v.ok(), v.expected(), v.actual().contains(" is missing") ? v.actual()
                : v.actual().replaceFirst(" = .*", " = " + Redact.HIDDEN));
    }
}
