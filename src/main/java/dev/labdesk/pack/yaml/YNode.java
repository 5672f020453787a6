package dev.labdesk.pack.yaml;

import dev.labdesk.pack.SourcePos;

/**
 * A YAML value that remembers where it was written, so errors point at the exact key or value.
 * Built from SnakeYAML's node graph; aliases are expanded into copies, bounded against bombs.
 */
public sealed interface YNode permits YMap, YSeq, YScalar {

    SourcePos pos();

    /** Plain Java value: Map (ordered), List, String, Long, Double, Boolean or null. */
    Object toPlain();

    /** What kind of value this is, in the words a message to an author uses. */
    String describe();
}
