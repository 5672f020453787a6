package dev.labdesk.check.kinds;

import dev.labdesk.kind.CheckKind;
import dev.labdesk.kind.CheckOutcome;
import dev.labdesk.kind.KindContext;
import dev.labdesk.pack.CheckSpec;
import dev.labdesk.pack.schema.Shape;
import dev.labdesk.pack.schema.ShapeChecker;
import dev.labdesk.pack.schema.Shapes;
import dev.labdesk.pack.yaml.YMap;
import dev.labdesk.check.Matchers;
import dev.labdesk.check.Verdicts;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** {@code file.contains: PATH} with {@code expect: {text|regex|absent}}. */
public final class FileContainsCheck implements CheckKind {

    @Override
    public String name() {
        return "file.contains";
    }

    @Override
    public String summary() {
        return "a workspace file contains a text or matches a regular expression";
    }

    @Override
    public Shape subject() {
        return Shapes.relativePath();
    }

    @Override
    public Shape expect() {
        return Shapes.obj()
                .optional("text", Shapes.listOrOne(Shapes.text()), "text that must appear (each, if a list)")
                .optional("regex", Shapes.listOrOne(Shapes.regex()), "patterns that must match somewhere")
                .optional("absent", Shapes.listOrOne(Shapes.text()), "text that must not appear")
                .optional("ignoreCase", Shapes.bool(), "compare without regard to case")
                .build();
    }

    @Override
    public boolean expectRequired() {
        return true;
    }

    @Override
    public void validate(CheckSpec check, ShapeChecker.Ctx ctx) {
        if (check.expect() instanceof YMap m && !m.has("text") && !m.has("regex") && !m.has("absent")) {
            ctx.bad(m.pos(), "expect of file.contains needs 'text', 'regex' or 'absent'");
        }
    }

    @Override
    public CheckOutcome evaluate(CheckSpec check, KindContext ctx) throws IOException {
        String rel = Specs.text(check.subject());
        YMap expect = Specs.map(check.expect());
        boolean ignoreCase = Specs.flag(expect, "ignoreCase");
        List<String> texts = expect == null ? List.of() : Specs.texts(expect.get("text"));
        List<String> regexes = expect == null ? List.of() : Specs.texts(expect.get("regex"));
        List<String> absent = expect == null ? List.of() : Specs.texts(expect.get("absent"));

        Path path = WorkspaceFiles.resolve(ctx.workspace(), rel);
        if (!Files.isRegularFile(path)) {
            List<String> wanted = new ArrayList<>();
            texts.forEach(t -> wanted.add(rel + " contains " + Specs.quoted(t)));
            regexes.forEach(r -> wanted.add(rel + " matches /" + r + "/"));
            absent.forEach(t -> wanted.add(rel + " does not contain " + Specs.quoted(t)));
            String why = Files.isDirectory(path) ? rel + " is a folder, not a file" : WorkspaceFiles.missing(ctx.workspace(), rel);
            return CheckOutcome.fail(String.join("; ", wanted), why).withEvidence(WorkspaceFiles.listing(ctx.workspace(), rel));
        }
        String content = WorkspaceFiles.read(path).replace("\r\n", "\n");
        String squashed = fold(Specs.squash(content), ignoreCase);

        List<Matchers.Verdict> verdicts = new ArrayList<>();
        for (String t : texts) {
            boolean ok = squashed.contains(fold(Specs.squash(t), ignoreCase));
            verdicts.add(new Matchers.Verdict(ok, rel + " contains " + Specs.quoted(t),
                    ok ? rel + " contains it" : Specs.quoted(t) + " is not in " + rel));
        }
        for (String r : regexes) {
            int flags = Pattern.MULTILINE | (ignoreCase ? Pattern.CASE_INSENSITIVE | Pattern.UNICODE_CASE : 0);
            Matcher m = Pattern.compile(r, flags).matcher(content);
            boolean ok = m.find();
            verdicts.add(new Matchers.Verdict(ok, rel + " matches /" + r + "/",
                    ok ? rel + " line " + lineOf(content, m.start()) + ": " + Specs.quoted(lineAt(content, m.start()))
                            : "no line of " + rel + " matches /" + r + "/"));
        }
        for (String t : absent) {
            String needle = fold(Specs.squash(t), ignoreCase);
            boolean found = squashed.contains(needle);
            String where = found ? lineHaving(content, t, ignoreCase) : null;
            verdicts.add(new Matchers.Verdict(!found, rel + " does not contain " + Specs.quoted(t),
                    found ? rel + " still contains " + Specs.quoted(t) + (where == null ? "" : " (" + where + ")")
                            : rel + " does not contain it"));
        }
        CheckOutcome outcome = Verdicts.outcome(verdicts);
        return outcome.passed() ? outcome : outcome.withEvidence(rel + ":\n" + Specs.head(content, 20, 1500));
    }

    private static String fold(String s, boolean ignoreCase) {
        return ignoreCase ? s.toLowerCase(Locale.ROOT) : s;
    }

    private static int lineOf(String text, int index) {
        int line = 1;
        for (int i = 0; i < index && i < text.length(); i++) {
            if (text.charAt(i) == '\n') {
                line++;
            }
        }
        return line;
    }

    private static String lineAt(String text, int index) {
        int start = text.lastIndexOf('\n', Math.max(0, index - 1)) + 1;
        if (index == 0) {
            start = 0;
        }
        int end = text.indexOf('\n', index);
        return text.substring(start, end < 0 ? text.length() : end).strip();
    }

    /** "line 12" for the first line holding the text, when it sits on one line. */
    private static String lineHaving(String content, String needle, boolean ignoreCase) {
        String[] lines = content.split("\n", -1);
        String n = fold(Specs.squash(needle), ignoreCase);
        for (int i = 0; i < lines.length; i++) {
            if (fold(Specs.squash(lines[i]), ignoreCase).contains(n)) {
                return "line " + (i + 1);
            }
        }
        return null;
    }
}
