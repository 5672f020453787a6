package dev.labdesk.pack;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SourceTextTest {

    @TempDir
    Path dir;

    private final Problems problems = new Problems();

    private SourceText read(byte[] bytes) throws IOException {
        Path file = dir.resolve("lab.md");
        Files.write(file, bytes);
        return SourceText.read(file, problems);
    }

    private SourcePos at(int line, int col) {
        return new SourcePos(dir.resolve("lab.md"), line, col);
    }

    @Test
    void mapsOffsetsToLinesAndColumns() {
        SourceText text = new SourceText(Path.of("a.md"), "ab\ncd\n\nef");

        assertThat(text.pos(0)).isEqualTo(new SourcePos(Path.of("a.md"), 1, 1));
        assertThat(text.pos(4)).isEqualTo(new SourcePos(Path.of("a.md"), 2, 2));
        assertThat(text.pos(6)).isEqualTo(new SourcePos(Path.of("a.md"), 3, 1));
        assertThat(text.pos(8)).isEqualTo(new SourcePos(Path.of("a.md"), 4, 2));
        assertThat(text.pos(999)).isEqualTo(new SourcePos(Path.of("a.md"), 4, 3));
        assertThat(text.lineCount()).isEqualTo(4);
        assertThat(text.lineStart(2)).isEqualTo(3);
    }

    @Test
    void dropsAByteOrderMarkSoFrontMatterStillStartsTheFile() throws IOException {
        SourceText text = read(new byte[] {(byte) 0xEF, (byte) 0xBB, (byte) 0xBF, '-', '-', '-', '\n'});

        assertThat(text.text()).isEqualTo("---\n");
        assertThat(problems.all()).isEmpty();
    }

    @Test
    void reportsTheLineAndColumnOfTheFirstInvalidUtf8ByteAndKeepsTheRest() throws IOException {
        byte[] bytes = "id: x\ntitle: caf\u00e9 ".getBytes(StandardCharsets.UTF_8);
        byte[] bad = new byte[bytes.length + 3];
        System.arraycopy(bytes, 0, bad, 0, bytes.length);
        bad[bytes.length] = (byte) 0xC3; // a lead byte without its continuation
        bad[bytes.length + 1] = 'x';
        bad[bytes.length + 2] = '\n';

        SourceText text = read(bad);

        assertThat(text).isNotNull();
        assertThat(text.text()).startsWith("id: x\ntitle: caf\u00e9 \uFFFDx");
        assertThat(problems.all()).singleElement().satisfies(p -> {
            assertThat(p.code()).isEqualTo("encoding");
            assertThat(p.pos()).isEqualTo(at(2, 13)); // columns count characters: 'é' is one
            assertThat(p.message()).contains("0xC3").contains("UTF-8");
        });
    }

    @Test
    void refusesBinaryFilesAtTheFirstNulByte() throws IOException {
        SourceText text = read(new byte[] {'a', '\n', 'b', 'c', 0, 'd'});

        assertThat(text).isNull();
        assertThat(problems.all()).singleElement().satisfies(p -> {
            assertThat(p.code()).isEqualTo("binary-file");
            assertThat(p.pos()).isEqualTo(at(2, 3));
        });
    }

    @Test
    void anEmptyFileIsEmptyText() throws IOException {
        SourceText text = read(new byte[0]);

        assertThat(text.text()).isEmpty();
        assertThat(text.pos(0)).isEqualTo(at(1, 1));
        assertThat(problems.all()).isEmpty();
    }

    @Test
    void aMissingFileIsAProblemNotAnException() {
        assertThat(SourceText.read(dir.resolve("nope.md"), problems)).isNull();
        assertThat(problems.all()).extracting(Problem::code).containsExactly("missing-file");
    }

    @Test
    void aFolderIsUnreadableNotAnException() throws IOException {
        Path folder = Files.createDirectory(dir.resolve("folder.md"));

        assertThat(SourceText.read(folder, problems)).isNull();
        assertThat(problems.all()).extracting(Problem::code).containsExactly("unreadable");
    }

    @Test
    void refusesFilesOverTheSizeLimitWithoutReadingThem() throws IOException {
        Path file = dir.resolve("huge.md");
        try (var ch = java.nio.channels.FileChannel.open(file, java.nio.file.StandardOpenOption.CREATE_NEW,
                java.nio.file.StandardOpenOption.WRITE)) {
            ch.write(java.nio.ByteBuffer.wrap(new byte[] {'x'}), SourceText.MAX_BYTES + 10);
        }

        assertThat(SourceText.read(file, problems)).isNull();
        assertThat(problems.all()).extracting(Problem::code).containsExactly("file-too-large");
    }
}
