package dev.labdesk.pack;

import java.nio.file.Path;

/**
 * A place in a source file, 1-based like editors and compilers show it.
 * The file is kept as the user named it, so messages read like the command they typed.
 */
public record SourcePos(Path file, int line, int col) {

    public SourcePos {
        line = Math.max(1, line);
        col = Math.max(1, col);
    }

    public static SourcePos start(Path file) {
        return new SourcePos(file, 1, 1);
    }

    public SourcePos withFile(Path other) {
        return new SourcePos(other, line, col);
    }

    @Override
    public String toString() {
        return file + ":" + line + ":" + col;
    }
}
