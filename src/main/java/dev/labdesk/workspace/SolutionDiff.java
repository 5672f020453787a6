package dev.labdesk.workspace;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * "Show solution": each file of {@code solutions/<lab>/} compared with the learner's copy. Solutions
 * overlay the starter files, so only the files a solution has are compared; the learner's own extra
 * files are never shown as deletions.
 */
public record SolutionDiff(List<FileDiff> files) {

    /** Larger files are compared by bytes only. */
    static final long MAX_TEXT_BYTES = 1_000_000;

    public SolutionDiff {
        files = List.copyOf(files);
    }

    public enum Change {
        /** The learner's file matches the solution (line ends aside). */
        SAME,
        /** Text differs; {@link FileDiff#unified()} shows how. */
        CHANGED,
        /** The solution has the file; the workspace does not. */
        MISSING,
        /** Binary or very large files that differ; no line diff. */
        BINARY_DIFFERS
    }

    /** @param unified the unified diff (workspace → solution), empty unless {@link Change#CHANGED} or {@link Change#MISSING} */
    public record FileDiff(String path, Change change, String unified) {
    }

    public static SolutionDiff compare(Path workspace, Path solution) throws IOException {
        List<FileDiff> out = new ArrayList<>();
        for (String rel : FileTrees.files(solution)) {
            Path mine = WorkspacePaths.resolve(workspace, rel);
            Path theirs = solution.resolve(rel);
            out.add(compareFile(rel, mine, theirs));
        }
        return new SolutionDiff(out);
    }

    private static FileDiff compareFile(String rel, Path mine, Path theirs) throws IOException {
        boolean present = Files.isRegularFile(mine, LinkOption.NOFOLLOW_LINKS);
        String solutionText = text(theirs);
        if (!present) {
            String unified = solutionText == null ? "" : UnifiedDiff.diff("/dev/null", "", "solution/" + rel, solutionText);
            return new FileDiff(rel, Change.MISSING, unified);
        }
        String mineText = text(mine);
        if (solutionText == null || mineText == null) {
            boolean same = Files.size(mine) == Files.size(theirs) && Files.mismatch(mine, theirs) == -1;
            return new FileDiff(rel, same ? Change.SAME : Change.BINARY_DIFFERS, "");
        }
        String unified = UnifiedDiff.diff("workspace/" + rel, mineText, "solution/" + rel, solutionText);
        return new FileDiff(rel, unified.isEmpty() ? Change.SAME : Change.CHANGED, unified);
    }

    /** UTF-8 text, or null for binary (a NUL byte, invalid UTF-8) or very large files. */
    static String text(Path file) throws IOException {
        if (Files.size(file) > MAX_TEXT_BYTES) {
            return null;
        }
        byte[] bytes = Files.readAllBytes(file);
        for (int i = 0; i < Math.min(bytes.length, 8192); i++) {
            if (bytes[i] == 0) {
                return null;
            }
        }
        try {
            return StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT).decode(ByteBuffer.wrap(bytes)).toString();
        } catch (CharacterCodingException e) {
            return null;
        }
    }

    public boolean matches() {
        return files.stream().allMatch(f -> f.change() == Change.SAME);
    }

    /** The whole diff as one text, with a line for each binary file that differs. */
    public String render() {
        StringBuilder b = new StringBuilder();
        for (FileDiff f : files) {
            switch (f.change()) {
                case CHANGED, MISSING -> b.append(f.unified().isEmpty() ? "Only in solution: " + f.path() + "\n" : f.unified());
                case BINARY_DIFFERS -> b.append("Binary files workspace/").append(f.path()).append(" and solution/")
                        .append(f.path()).append(" differ\n");
                default -> { }
            }
        }
        return b.toString();
    }

    @Override
    public String toString() {
        return "SolutionDiff" + Arrays.toString(files.stream().map(f -> f.path() + ":" + f.change()).toArray());
    }
}
