package dev.labdesk.pack;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CoderResult;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.Arrays;

/** The text of a source file and a map from character offsets to line and column. */
public final class SourceText {

    /** Larger files are refused: no lab or note needs 16 MB of Markdown. */
    public static final long MAX_BYTES = 16L * 1024 * 1024;

    private final Path file;
    private final String text;
    private final int[] lineStarts;

    public SourceText(Path file, String text) {
        this.file = file;
        this.text = unifyLineBreaks(text);
        this.lineStarts = lineStarts(this.text);
    }

    /**
     * YAML also breaks lines at a lone CR, NEL, LS and PS, and editors show them as line ends.
     * Turning each into '\n' (one character for one) makes Markdown, YAML and positions agree on
     * what a line is without moving any offset. CR LF stays as it is.
     */
    static String unifyLineBreaks(String text) {
        if (text.indexOf('\r') < 0 && text.indexOf('\u0085') < 0 && text.indexOf('\u2028') < 0
                && text.indexOf('\u2029') < 0) {
            return text;
        }
        char[] chars = text.toCharArray();
        for (int i = 0; i < chars.length; i++) {
            char c = chars[i];
            if ((c == '\r' && (i + 1 == chars.length || chars[i + 1] != '\n')) || c == '\u0085' || c == '\u2028'
                    || c == '\u2029') {
                chars[i] = '\n';
            }
        }
        return new String(chars);
    }

    public Path file() {
        return file;
    }

    public String text() {
        return text;
    }

    public int lineCount() {
        return lineStarts.length;
    }

    /** Offset of the first character of a 1-based line. */
    public int lineStart(int line) {
        return lineStarts[Math.min(Math.max(line, 1), lineStarts.length) - 1];
    }

    public SourcePos pos(int offset) {
        int clamped = Math.max(0, Math.min(offset, text.length()));
        int idx = Arrays.binarySearch(lineStarts, clamped);
        int line = idx >= 0 ? idx : -idx - 2;
        return new SourcePos(file, line + 1, clamped - lineStarts[line] + 1);
    }

    /**
     * Reads a file as UTF-8. Problems (missing, unreadable, too large, binary, invalid UTF-8) are
     * reported; invalid bytes become U+FFFD so the rest of the file is still checked.
     *
     * @return the text, or null when there is nothing sensible to parse
     */
    public static SourceText read(Path file, Problems problems) {
        byte[] bytes;
        try {
            long size = Files.size(file);
            if (size > MAX_BYTES) {
                problems.error(SourcePos.start(file), "file-too-large",
                        "file is " + (size / (1024 * 1024)) + " MB; lab files and notes must be under "
                                + (MAX_BYTES / (1024 * 1024)) + " MB (move data into files/ or assets/)");
                return null;
            }
            bytes = Files.readAllBytes(file);
        } catch (NoSuchFileException e) {
            problems.error(SourcePos.start(file), "missing-file", "file does not exist");
            return null;
        } catch (IOException | SecurityException e) {
            problems.error(SourcePos.start(file), "unreadable", "cannot read file: " + e.getMessage());
            return null;
        }
        return decode(file, bytes, problems);
    }

    static SourceText decode(Path file, byte[] bytes, Problems problems) {
        int start = bytes.length >= 3 && (bytes[0] & 0xff) == 0xEF && (bytes[1] & 0xff) == 0xBB && (bytes[2] & 0xff) == 0xBF ? 3 : 0;
        // The JDK's own decoding and searching are compiled early in every JVM; loops of ours over
        // every byte would run interpreted for the first few hundred files of a big pack.
        String lenient = new String(bytes, start, bytes.length - start, StandardCharsets.UTF_8);
        int nul = lenient.indexOf('\0');
        if (nul >= 0) {
            problems.error(charPos(file, lenient, nul), "binary-file", "this is a binary file, not Markdown text "
                    + "(a NUL byte is here); keep binaries under files/ or assets/");
            return null;
        }
        if (lenient.indexOf('\uFFFD') >= 0) {
            reportInvalidUtf8(file, bytes, start, problems); // or a real U+FFFD, which is fine
        }
        return new SourceText(file, lenient);
    }

    private static void reportInvalidUtf8(Path file, byte[] bytes, int start, Problems problems) {
        CharsetDecoder strict = StandardCharsets.UTF_8.newDecoder()
                .onMalformedInput(CodingErrorAction.REPORT)
                .onUnmappableCharacter(CodingErrorAction.REPORT);
        ByteBuffer in = ByteBuffer.wrap(bytes, start, bytes.length - start);
        CharBuffer out = CharBuffer.allocate(bytes.length - start + 16);
        CoderResult result = strict.decode(in, out, true);
        if (result.isError()) {
            SourcePos at = bytePos(file, bytes, start, in.position());
            problems.error(at, "encoding", "invalid UTF-8 (byte 0x"
                    + String.format("%02X", bytes[in.position()] & 0xff) + "); save the file as UTF-8");
        }
    }

    /** Line and column of a character offset, lines ended as {@link #unifyLineBreaks} ends them. */
    private static SourcePos charPos(Path file, String text, int offset) {
        String prefix = unifyLineBreaks(text.substring(0, offset));
        int line = 1;
        for (int i = prefix.indexOf('\n'); i >= 0; i = prefix.indexOf('\n', i + 1)) {
            line++;
        }
        return new SourcePos(file, line, offset - prefix.lastIndexOf('\n'));
    }

    /**
     * Line and column of a byte offset, counted like positions in the decoded text: columns in
     * characters, lines ended by the same breaks. The bytes before {@code offset} are valid UTF-8.
     */
    private static SourcePos bytePos(Path file, byte[] bytes, int start, int offset) {
        String prefix = unifyLineBreaks(new String(bytes, start, offset - start, StandardCharsets.UTF_8));
        int line = 1;
        int lastBreak = -1;
        for (int i = 0; i < prefix.length(); i++) {
            if (prefix.charAt(i) == '\n') {
                line++;
                lastBreak = i;
            }
        }
        return new SourcePos(file, line, prefix.length() - lastBreak);
    }

    private static int[] lineStarts(String text) {
        int[] starts = new int[64];
        int n = 1;
        for (int i = text.indexOf('\n'); i >= 0; i = text.indexOf('\n', i + 1)) {
            if (n == starts.length) {
                starts = Arrays.copyOf(starts, n * 2);
            }
            starts[n++] = i + 1;
        }
        return Arrays.copyOf(starts, n);
    }
}
