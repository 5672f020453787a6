package dev.labdesk.check.kinds;

import dev.labdesk.kind.CheckKind;
import dev.labdesk.kind.CheckOutcome;
import dev.labdesk.kind.KindContext;
import dev.labdesk.pack.CheckSpec;
import dev.labdesk.pack.schema.Shape;
import dev.labdesk.pack.schema.Shapes;

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

    @Override
    public CheckOutcome evaluate(CheckSpec check, KindContext ctx) {
        throw new UnsupportedOperationException(name() + " runs in the check engine");
    }
}
