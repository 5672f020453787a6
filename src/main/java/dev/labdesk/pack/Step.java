package dev.labdesk.pack;

import java.util.List;

/** A {@code ##} section of a lab, with the lab blocks written under it. */
public record Step(String id, String title, SourcePos pos, List<Block> blocks) {

    public Step {
        blocks = List.copyOf(blocks);
    }

    public List<Block.Action> actions() {
        return blocks.stream().filter(Block.Action.class::isInstance).map(Block.Action.class::cast).toList();
    }

    public List<CheckSpec> checks() {
        return blocks.stream().filter(Block.Checks.class::isInstance)
                .flatMap(b -> ((Block.Checks) b).checks().stream()).toList();
    }
}
