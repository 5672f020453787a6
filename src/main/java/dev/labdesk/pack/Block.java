package dev.labdesk.pack;

import dev.labdesk.pack.yaml.YMap;
import dev.labdesk.pack.yaml.YNode;
import java.util.List;

/** A fenced {@code lab:*} block in a lab's Markdown. {@link #pos()} is where its {@code lab:...} word is written. */
public sealed interface Block permits Block.Action, Block.Checks, Block.Quiz, Block.Hint, Block.Solution {

    SourcePos pos();

    /** The info string's first word, e.g. {@code lab:docker-build}. */
    String info();

    /**
     * An action: {@code lab:<kind>} other than check, quiz, hint and solution.
     *
     * @param kind  the kind without the prefix, e.g. {@code docker-build}
     * @param id    from the body's {@code id}, or {@code <kind>-<n>} numbered through the lab
     * @param body  the YAML mapping (empty when the block is empty)
     */
    record Action(String kind, String id, YMap body, SourcePos pos) implements Block {
        @Override
        public String info() {
            return "lab:" + kind;
        }

        public boolean hasExplicitId() {
            return body.has("id");
        }
    }

    record Checks(List<CheckSpec> checks, SourcePos pos) implements Block {
        public Checks {
            checks = List.copyOf(checks);
        }

        @Override
        public String info() {
            return "lab:check";
        }
    }

    record Quiz(String id, YMap body, SourcePos pos) implements Block {
        @Override
        public String info() {
            return "lab:quiz";
        }
    }

    record Hint(String title, String text, YNode body, SourcePos pos) implements Block {
        @Override
        public String info() {
            return "lab:hint";
        }
    }

    /** What the finished work looks like: text, and optionally a file from {@code solutions/<lab>/}. */
    record Solution(String text, String file, YNode body, SourcePos pos) implements Block {
        @Override
        public String info() {
            return "lab:solution";
        }
    }
}
