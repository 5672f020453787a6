package dev.labdesk.action.kinds;

import dev.labdesk.kind.ActionKind;
import dev.labdesk.kind.ActionListener;
import dev.labdesk.kind.ActionOutcome;
import dev.labdesk.kind.KindContext;
import dev.labdesk.pack.Block;
import dev.labdesk.pack.schema.Shape;
import dev.labdesk.pack.schema.Shapes;
import com.fasterxml.jackson.core.JsonProcessingException;
import dev.labdesk.net.PlainJson;
import dev.labdesk.net.HttpCall;
import dev.labdesk.net.Redact;
import dev.labdesk.pack.Durations;
import dev.labdesk.pack.yaml.YMap;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/** {@code lab:http}: sends one request and shows the response. */
public final class HttpAction implements ActionKind {

    @Override
    public String name() {
        return "http";
    }

    @Override
    public String summary() {
        return "send one HTTP request and show the response";
    }

    @Override
    public Shape.Obj body() {
        return Shapes.obj()
                .optional("method", Shapes.values("GET", "POST", "PUT", "PATCH", "DELETE", "HEAD"), "default GET")
                .required("url", Shapes.url(), "where to send it")
                .optional("headers", Shapes.mapOf(Shapes.text(), Shapes.text()), "request headers")
                .optional("json", Shapes.any(), "a body sent as JSON")
                .optional("body", Shapes.text(), "a body sent as text")
                .optional("timeout", Shapes.duration(), "default 10s")
                .build();
    }

    public static final Duration DEFAULT_TIMEOUT = Duration.ofSeconds(10);
    private static final int MAX_BODY_LINES = 200;

    @Override
    public ActionOutcome run(Block.Action action, KindContext ctx, ActionListener events) throws InterruptedException {
        YMap body = action.body();
        String method = body.text("method") == null ? "GET" : body.text("method").toUpperCase(Locale.ROOT);
        Duration timeout = body.text("timeout") == null ? DEFAULT_TIMEOUT : Durations.parse(body.text("timeout"));
        Map<String, String> headers = new LinkedHashMap<>();
        if (body.get("headers") instanceof YMap h) {
            h.entries().forEach(e -> headers.put(e.name(), e.value().toPlain() == null ? "" : String.valueOf(e.value().toPlain())));
        }
        HttpCall.Request request = new HttpCall.Request(method, body.text("url"), headers,
                body.get("json") == null ? null : body.get("json").toPlain(), body.text("body"), timeout);
        events.log("> " + request.describe());
        HttpCall.showHeaders(headers).forEach(h -> events.log("> " + h));
        events.progress(-1, "waiting for " + request.url());
        HttpCall.Result result = HttpCall.send(request, ctx.cancellation());
        if (result instanceof HttpCall.Failure f) {
            events.log(f.reason());
            return ActionOutcome.failed(f.reason());
        }
        HttpCall.Response r = (HttpCall.Response) result;
        events.progress(1, "done");
        events.log("< HTTP " + r.status() + " (" + r.elapsedMs() + " ms)");
        r.headers().forEach((name, values) -> events.log("< " + name + ": " + Redact.header(name, String.join(", ", values))));
        events.log("");
        List<String> lines = bodyLines(r);
        lines.stream().limit(MAX_BODY_LINES).forEach(events::log);
        if (lines.size() > MAX_BODY_LINES) {
            events.log("... (" + (lines.size() - MAX_BODY_LINES) + " more lines)");
        }
        Map<String, String> outputs = new LinkedHashMap<>();
        outputs.put("status", String.valueOf(r.status()));
        List<String> type = r.header("content-type");
        if (type != null) {
            outputs.put("contentType", type.get(0));
        }
        return ActionOutcome.ok("HTTP " + r.status() + " from " + request.describe(), outputs);
    }

    /** The body as lines, JSON pretty-printed so a learner can read it. */
    private static List<String> bodyLines(HttpCall.Response r) {
        String text = r.bodyText();
        String trimmed = text.trim();
        if (trimmed.startsWith("{") || trimmed.startsWith("[")) {
            try {
                text = PlainJson.write(PlainJson.read(trimmed), true);
            } catch (JsonProcessingException e) {
                // not JSON after all: show it as it came
            }
        }
        return text.isEmpty() ? List.of() : List.of(text.split("\r?\n", -1));
    }
}
