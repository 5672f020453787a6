package dev.labdesk.action.kinds;

import dev.labdesk.kind.ActionKind;
import dev.labdesk.kind.ActionListener;
import dev.labdesk.kind.ActionOutcome;
import dev.labdesk.kind.KindContext;
import dev.labdesk.pack.Block;
import dev.labdesk.pack.schema.Shape;
import dev.labdesk.pack.schema.Shapes;

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

    @Override
    public ActionOutcome run(Block.Action action, KindContext ctx, ActionListener events) {
        throw new UnsupportedOperationException("lab:http runs in the action engine");
    }
}
