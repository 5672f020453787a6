package dev.labdesk.pack.yaml;

import dev.labdesk.pack.SourcePos;
import java.util.ArrayList;
import java.util.List;

public record YSeq(List<YNode> items, SourcePos pos) implements YNode {

    public YSeq {
        items = List.copyOf(items);
    }

    @Override
    public Object toPlain() {
        List<Object> out = new ArrayList<>(items.size());
        for (YNode item : items) {
            out.add(item.toPlain());
        }
        return out;
    }

    @Override
    public String describe() {
        return "a list";
    }
}
