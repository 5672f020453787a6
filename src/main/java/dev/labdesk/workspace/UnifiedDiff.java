package dev.labdesk.workspace;

import java.util.ArrayList;
import java.util.List;

/**
 * Line diffs in unified format, from Myers' O(ND) algorithm after trimming the common head and tail.
 * Beyond {@value #MAX_EDITS} differing lines the diff is shown as a whole replacement: still correct,
 * and it keeps memory bounded on huge unrelated files.
 */
public final class UnifiedDiff {

    static final int MAX_EDITS = 4000;
    private static final int CONTEXT = 3;

    private UnifiedDiff() {
    }

    enum Op {
        SAME, DELETE, INSERT
    }

    record Edit(Op op, int aLine, int bLine, String text) {
    }

    /** The unified diff of two texts, or "" when their lines are equal. Line ends (LF/CRLF) do not count. */
    public static String diff(String aName, String a, String bName, String b) {
        List<String> la = lines(a);
        List<String> lb = lines(b);
        List<Edit> edits = edits(la, lb);
        if (edits.stream().allMatch(e -> e.op() == Op.SAME)) {
            return "";
        }
        StringBuilder out = new StringBuilder();
        out.append("--- ").append(aName).append('\n').append("+++ ").append(bName).append('\n');
        hunks(edits, out);
        return out.toString();
    }

    static List<String> lines(String text) {
        List<String> out = new ArrayList<>();
        if (text == null || text.isEmpty()) {
            return out;
        }
        String t = text.replace("\r\n", "\n");
        int start = 0;
        for (int i = 0; i < t.length(); i++) {
            if (t.charAt(i) == '\n') {
                out.add(t.substring(start, i));
                start = i + 1;
            }
        }
        if (start < t.length()) {
            out.add(t.substring(start));
        }
        return out;
    }

    static List<Edit> edits(List<String> a, List<String> b) {
        int head = 0;
        while (head < a.size() && head < b.size() && a.get(head).equals(b.get(head))) {
            head++;
        }
        int tail = 0;
        while (tail < a.size() - head && tail < b.size() - head
                && a.get(a.size() - 1 - tail).equals(b.get(b.size() - 1 - tail))) {
            tail++;
        }
        List<Edit> out = new ArrayList<>();
        for (int i = 0; i < head; i++) {
            out.add(new Edit(Op.SAME, i, i, a.get(i)));
        }
        List<String> ma = a.subList(head, a.size() - tail);
        List<String> mb = b.subList(head, b.size() - tail);
        List<Edit> middle = myers(ma, mb);
        if (middle == null) {
            middle = new ArrayList<>();
            for (int i = 0; i < ma.size(); i++) {
                middle.add(new Edit(Op.DELETE, i, -1, ma.get(i)));
            }
            for (int j = 0; j < mb.size(); j++) {
                middle.add(new Edit(Op.INSERT, -1, j, mb.get(j)));
            }
        }
        for (Edit e : middle) {
            out.add(new Edit(e.op(), e.aLine() < 0 ? -1 : e.aLine() + head, e.bLine() < 0 ? -1 : e.bLine() + head, e.text()));
        }
        for (int i = tail; i > 0; i--) {
            out.add(new Edit(Op.SAME, a.size() - i, b.size() - i, a.get(a.size() - i)));
        }
        return out;
    }

    /** Myers' greedy shortest edit script with one saved frontier per step; null when it needs more than MAX_EDITS. */
    private static List<Edit> myers(List<String> a, List<String> b) {
        int n = a.size();
        int m = b.size();
        int max = Math.min(n + m, MAX_EDITS);
        int offset = max + 1;
        int[] v = new int[2 * max + 3];
        List<int[]> trace = new ArrayList<>();
        int found = -1;
        for (int d = 0; d <= max && found < 0; d++) {
            trace.add(v.clone());
            for (int k = -d; k <= d; k += 2) {
                int x;
                if (k == -d || (k != d && v[offset + k - 1] < v[offset + k + 1])) {
                    x = v[offset + k + 1];
                } else {
                    x = v[offset + k - 1] + 1;
                }
                int y = x - k;
                while (x < n && y < m && a.get(x).equals(b.get(y))) {
                    x++;
                    y++;
                }
                v[offset + k] = x;
                if (x >= n && y >= m) {
                    found = d;
                    break;
                }
            }
        }
        if (found < 0) {
            return null;
        }
        List<Edit> reversed = new ArrayList<>();
        int x = n;
        int y = m;
        for (int d = found; d > 0; d--) {
            int[] prev = trace.get(d);
            int k = x - y;
            int prevK = (k == -d || (k != d && prev[offset + k - 1] < prev[offset + k + 1])) ? k + 1 : k - 1;
            int prevX = prev[offset + prevK];
            int prevY = prevX - prevK;
            while (x > prevX && y > prevY) {
                x--;
                y--;
                reversed.add(new Edit(Op.SAME, x, y, a.get(x)));
            }
            if (x == prevX) {
                y--;
                reversed.add(new Edit(Op.INSERT, -1, y, b.get(y)));
            } else {
                x--;
                reversed.add(new Edit(Op.DELETE, x, -1, a.get(x)));
            }
        }
        while (x > 0 && y > 0) {
            x--;
            y--;
            reversed.add(new Edit(Op.SAME, x, y, a.get(x)));
        }
        List<Edit> out = new ArrayList<>(reversed.size());
        for (int i = reversed.size() - 1; i >= 0; i--) {
            out.add(reversed.get(i));
        }
        return out;
    }

    private static void hunks(List<Edit> edits, StringBuilder out) {
        int i = 0;
        int size = edits.size();
        while (i < size) {
            while (i < size && edits.get(i).op() == Op.SAME) {
                i++;
            }
            if (i >= size) {
                return;
            }
            int start = Math.max(0, i - CONTEXT);
            int end = i;
            // extend while the next change is within 2*CONTEXT unchanged lines
            while (true) {
                while (end < size && edits.get(end).op() != Op.SAME) {
                    end++;
                }
                int same = 0;
                while (end + same < size && edits.get(end + same).op() == Op.SAME) {
                    same++;
                }
                if (end + same < size && same <= 2 * CONTEXT) {
                    end += same;
                    continue;
                }
                end = Math.min(size, end + Math.min(same, CONTEXT));
                break;
            }
            writeHunk(edits.subList(start, end), out);
            i = end;
        }
    }

    private static void writeHunk(List<Edit> hunk, StringBuilder out) {
        int aStart = -1;
        int bStart = -1;
        int aCount = 0;
        int bCount = 0;
        int aBefore = 0;
        int bBefore = 0;
        for (Edit e : hunk) {
            if (e.op() != Op.INSERT) {
                if (aStart < 0) {
                    aStart = e.aLine();
                }
                aCount++;
            }
            if (e.op() != Op.DELETE) {
                if (bStart < 0) {
                    bStart = e.bLine();
                }
                bCount++;
            }
        }
        // An empty side is written as the line before it, as diff(1) does.
        if (aStart < 0) {
            aBefore = lineBefore(hunk, true);
        }
        if (bStart < 0) {
            bBefore = lineBefore(hunk, false);
        }
        out.append("@@ -").append(range(aStart, aCount, aBefore)).append(" +").append(range(bStart, bCount, bBefore)).append(" @@\n");
        for (Edit e : hunk) {
            out.append(e.op() == Op.SAME ? ' ' : e.op() == Op.DELETE ? '-' : '+').append(e.text()).append('\n');
        }
    }

    private static int lineBefore(List<Edit> hunk, boolean aSide) {
        // Only reached for a hunk that is entirely inserts (a side) or deletes (b side) with no context:
        // the other side's first line tells where it sits.
        Edit first = hunk.get(0);
        return aSide ? Math.max(0, first.bLine()) : Math.max(0, first.aLine());
    }

    private static String range(int start, int count, int before) {
        if (count == 0) {
            return before + ",0";
        }
        return (start + 1) + (count == 1 ? "" : "," + count);
    }
}
