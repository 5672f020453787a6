package dev.labdesk.workspace;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

class UnifiedDiffTest {

    @Test
    void equalTextsHaveNoDiff() {
        assertThat(UnifiedDiff.diff("a", "x\ny\n", "b", "x\r\ny")).isEmpty();
    }

    @Test
    void distantChangesGetSeparateHunksWithThreeLinesOfContext() {
        String a = lines(1, 20);
        String b = a.replace("line 3\n", "line three\n").replace("line 17\n", "");
        assertThat(UnifiedDiff.diff("workspace/f", a, "solution/f", b)).isEqualTo("""
                --- workspace/f
                +++ solution/f
                @@ -1,6 +1,6 @@
                 line 1
                 line 2
                -line 3
                +line three
                 line 4
                 line 5
                 line 6
                @@ -14,7 +14,6 @@
                 line 14
                 line 15
                 line 16
                -line 17
                 line 18
                 line 19
                 line 20
                """);
    }

    @Test
    void nearbyChangesShareAHunk() {
        String a = lines(1, 10);
        String b = a.replace("line 2\n", "").replace("line 7\n", "line 7\nnew\n");
        assertThat(UnifiedDiff.diff("a", a, "b", b)).isEqualTo("""
                --- a
                +++ b
                @@ -1,10 +1,10 @@
                 line 1
                -line 2
                 line 3
                 line 4
                 line 5
                 line 6
                 line 7
                +new
                 line 8
                 line 9
                 line 10
                """);
    }

    @Test
    void theEditScriptTurnsOneTextIntoTheOther() {
        Random random = new Random(42);
        for (int round = 0; round < 200; round++) {
            List<String> a = randomLines(random);
            List<String> b = randomLines(random);
            List<String> rebuilt = new ArrayList<>();
            List<String> original = new ArrayList<>();
            for (UnifiedDiff.Edit e : UnifiedDiff.edits(a, b)) {
                if (e.op() != UnifiedDiff.Op.DELETE) {
                    rebuilt.add(e.text());
                }
                if (e.op() != UnifiedDiff.Op.INSERT) {
                    original.add(e.text());
                }
            }
            assertThat(rebuilt).isEqualTo(b);
            assertThat(original).isEqualTo(a);
        }
    }

    @Test
    void theEditScriptIsShortest() {
        // "abcabba" -> "cbabac" needs 5 edits (Myers' paper's example).
        List<String> a = List.of("a", "b", "c", "a", "b", "b", "a");
        List<String> b = List.of("c", "b", "a", "b", "a", "c");
        long changes = UnifiedDiff.edits(a, b).stream().filter(e -> e.op() != UnifiedDiff.Op.SAME).count();
        assertThat(changes).isEqualTo(5);
    }

    private static List<String> randomLines(Random random) {
        List<String> out = new ArrayList<>();
        int n = random.nextInt(30);
        for (int i = 0; i < n; i++) {
            out.add(String.valueOf((char) ('a' + random.nextInt(4))));
        }
        return out;
    }

    private static String lines(int from, int to) {
        StringBuilder b = new StringBuilder();
        for (int i = from; i <= to; i++) {
            b.append("line ").append(i).append('\n');
        }
        return b.toString();
    }
}
