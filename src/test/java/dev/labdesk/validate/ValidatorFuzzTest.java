package dev.labdesk.validate;

import static org.assertj.core.api.Assertions.assertThat;

import dev.labdesk.pack.Problem;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Feeds 2,000 mutated copies of a realistic lab to the validator (fixed seed, so a failure
 * reproduces): truncations, byte flips, line shuffles and YAML/Markdown mutations. No bug may
 * surface as an internal problem, and every problem must point inside the file it names.
 */
class ValidatorFuzzTest {

    static final long SEED = 20261126L;
    static final int PACKS = 10;
    static final int LABS_PER_PACK = 200;

    static final String LAB = """
            ---
            id: fuzz-lab
            title: Build and call a service
            summary: A lab with every block kind.
            requires: [python]
            estimate: 20m
            tags: [http, fuzz]
            order: 1
            ---
            # Build and call a service

            Read [the intro](../notes/intro.md#setup) and look at ![diagram](assets/d.png).

            ## Write the app {#write}

            1. Open `app.py`.
            2. Check it:

               ```lab:check
               - id: app-file
                 title: app.py exists
                 file.exists: app.py
                 expect: {type: file, nonEmpty: true}
               - id: app-prints
                 file.contains: app.py
                 expect:
                   text: [print(, hello]
                   regex: "hel+o"
                 hint: Use print("hello").
                 eventually: 5s
               ```

            > ```lab:hint
            > title: Stuck?
            > text: One line is enough.
            > ```

            ## Configure

            ```lab:check
            - id: config
              file.json: config.json
              expect:
                $.name: &name demo
                $.replicas: {min: 1, max: 5}
                $.alias: *name
                $.tags: {contains: web, length: 2}
            - id: yaml
              file.yaml: deploy.yaml
              expect:
                <<: {$.kind: Deployment}
                $.spec.replicas: 2
            ```

            ## Run it

            ```lab:http
            id: call
            title: Call the service
            method: POST
            url: http://127.0.0.1:8080/echo
            headers: {Accept: application/json}
            json: {message: hi}
            timeout: 5s
            ```

            ```lab:check
            - id: health
              http.get: http://127.0.0.1:8080/health
              eventually: 30s
              expect:
                status: [200, 204]
                headers: {Content-Type: {regex: json}}
                json: {$.status: ok}
            - id: echo
              http.post: {url: http://127.0.0.1:8080/echo, json: {m: 1}}
              expect: {status: 2xx, text: m}
            ```

            ## Quiz

            ```lab:quiz
            question: Which port?
            choices: ["8080", "80"]
            answer: "8080"
            explain: See the lab:http block.
            ```

            ```lab:solution
            text: The finished app.
            file: app.py
            ```

            Back to [the first step](#write) or [the next lab](02-next.md).
            """;

    @TempDir
    Path dir;

    @Test
    void mutatedLabsNeverBreakTheValidatorAndEveryProblemPointsIntoItsFile() throws IOException {
        Random random = new Random(SEED);
        Map<Path, byte[]> written = new HashMap<>();
        Path notes = Files.createDirectories(dir.resolve("notes"));
        Files.writeString(notes.resolve("intro.md"), "# Intro\n\n## Setup\n");
        List<Path> packs = new ArrayList<>();
        for (int p = 0; p < PACKS; p++) {
            Path pack = Files.createDirectories(dir.resolve("pack-" + p));
            Files.writeString(pack.resolve("pack.yaml"), "id: fuzz-" + p + "\ntitle: Fuzz\nversion: \"1\"\n");
            // What the unmutated lab refers to exists, so problems come from mutations.
            Files.createDirectories(pack.resolve("assets"));
            Files.writeString(pack.resolve("assets/d.png"), "PNG");
            Files.writeString(pack.resolve("02-next.md"), "---\nid: next\ntitle: Next\n---\n## Step\n");
            for (int l = 0; l < LABS_PER_PACK; l++) {
                byte[] mutant = mutate(LAB.getBytes(StandardCharsets.UTF_8), random);
                Path file = pack.resolve(String.format("%03d-lab.md", l));
                Files.createDirectories(pack.resolve(String.format("solutions/%03d-lab", l)));
                Files.writeString(pack.resolve(String.format("solutions/%03d-lab/app.py", l)), "print('hello')\n");
                Files.write(file, mutant);
                written.put(file.toAbsolutePath().normalize(), mutant);
            }
            packs.add(pack);
        }

        long start = System.nanoTime();
        ValidationReport report = new Validator(BrokenPacksTest.REGISTRY).validate(packs);
        long millis = (System.nanoTime() - start) / 1_000_000;

        assertThat(report.files()).isEqualTo(PACKS * (LABS_PER_PACK + 2));
        assertThat(report.problems()).hasSizeGreaterThan(LABS_PER_PACK);
        Map<Path, String[]> lines = new HashMap<>();
        List<String> violations = new ArrayList<>();
        for (Problem p : report.problems()) {
            String why = violation(p, written, lines);
            if (why != null) {
                violations.add(why + ": " + p.format());
            }
        }
        assertThat(violations).as("validated %d labs in %d ms", PACKS * LABS_PER_PACK, millis).isEmpty();
    }

    /** What is wrong with a problem's place or form, or null when nothing is. */
    private static String violation(Problem p, Map<Path, byte[]> written, Map<Path, String[]> lines) {
        if (p.code().equals("internal") || p.code().equals("too-complex")) {
            return "a bug surfaced";
        }
        if (!FORMAT.matcher(p.format()).matches()) {
            return "not FILE:LINE:COL: severity: message [code]";
        }
        if (p.pos().line() < 1 || p.pos().col() < 1) {
            return "no place";
        }
        Path file = p.pos().file().toAbsolutePath().normalize();
        byte[] bytes = written.get(file);
        if (bytes == null) {
            return null; // pack.yaml or a link target: fixed text
        }
        // Lines as editors and YAML count them: lone CR, NEL, LS and PS end lines too. YAML may point
        // just past the end ("unexpected end of stream"), hence the one line and column of slack.
        String[] fileLines = lines.computeIfAbsent(file, f -> BREAKS.split(new String(bytes, StandardCharsets.UTF_8), -1));
        if (p.pos().line() > fileLines.length + 1) {
            return "line past the end of the file (" + fileLines.length + " lines)";
        }
        if (p.pos().line() <= fileLines.length && p.pos().col() > fileLines[p.pos().line() - 1].length() + 2) {
            return "column past the end of the line";
        }
        return null;
    }

    private static final java.util.regex.Pattern FORMAT =
            java.util.regex.Pattern.compile("^.+:\\d+:\\d+: (error|warning): .+ \\[[a-z-]+]$");
    private static final java.util.regex.Pattern BREAKS =
            java.util.regex.Pattern.compile("\r\n|[\n\r\u0085\u2028\u2029]");

    static byte[] mutate(byte[] lab, Random r) {
        byte[] out = lab;
        int rounds = 1 + r.nextInt(3);
        for (int i = 0; i < rounds; i++) {
            switch (r.nextInt(12)) {
                case 0 -> out = java.util.Arrays.copyOf(out, r.nextInt(out.length + 1)); // truncate
                case 1 -> out = flipBytes(out, r);
                case 2 -> out = lines(out, l -> shuffleWindow(l, r));
                case 3 -> out = lines(out, l -> shiftIndent(l, r));
                case 4 -> out = lines(out, l -> removeLine(l, r, true));
                case 5 -> out = lines(out, l -> duplicateLine(l, r));
                case 6 -> out = lines(out, l -> insertTab(l, r));
                case 7 -> out = lines(out, l -> anchorsAndAliases(l, r));
                case 8 -> out = lines(out, l -> replaceValue(l, r));
                case 9 -> out = lines(out, l -> markdownNoise(l, r));
                case 10 -> out = lines(out, l -> removeLine(l, r, false));
                default -> out = insertBytes(out, r);
            }
        }
        return out;
    }

    private static byte[] flipBytes(byte[] in, Random r) {
        byte[] out = in.clone();
        int flips = 1 + r.nextInt(6);
        for (int i = 0; i < flips && out.length > 0; i++) {
            int at = r.nextInt(out.length);
            out[at] = r.nextBoolean() ? (byte) (out[at] ^ (1 << r.nextInt(8))) : (byte) r.nextInt(256);
        }
        return out;
    }

    private static byte[] insertBytes(byte[] in, Random r) {
        String[] pieces = {"\r", "\r\n", "\t", "\u00a0", "\uFEFF", "\uD83D\uDE00", "```", "---\n", "\\", "\"", "'",
                "[", "](", "![", "{#", "<!--", "&", "*", "|", "%", "@", "`"};
        String piece = pieces[r.nextInt(pieces.length)];
        byte[] add = piece.getBytes(StandardCharsets.UTF_8);
        int at = r.nextInt(in.length + 1);
        byte[] out = new byte[in.length + add.length];
        System.arraycopy(in, 0, out, 0, at);
        System.arraycopy(add, 0, out, at, add.length);
        System.arraycopy(in, at, out, at + add.length, in.length - at);
        return out;
    }

    private static byte[] lines(byte[] in, java.util.function.Consumer<List<String>> change) {
        List<String> lines = new ArrayList<>(List.of(new String(in, StandardCharsets.UTF_8).split("\n", -1)));
        if (!lines.isEmpty()) {
            change.accept(lines);
        }
        return String.join("\n", lines).getBytes(StandardCharsets.UTF_8);
    }

    private static void shuffleWindow(List<String> lines, Random r) {
        int from = r.nextInt(lines.size());
        int to = Math.min(lines.size(), from + 2 + r.nextInt(8));
        Collections.shuffle(lines.subList(from, to), r);
    }

    private static void shiftIndent(List<String> lines, Random r) {
        int i = r.nextInt(lines.size());
        String line = lines.get(i);
        int shift = 1 + r.nextInt(3);
        lines.set(i, r.nextBoolean() ? " ".repeat(shift) + line : line.substring(Math.min(shift, leading(line))));
    }

    private static int leading(String line) {
        int n = 0;
        while (n < line.length() && line.charAt(n) == ' ') {
            n++;
        }
        return n;
    }

    private static void removeLine(List<String> lines, Random r, boolean yamlKeyOnly) {
        for (int tries = 0; tries < 20; tries++) {
            int i = r.nextInt(lines.size());
            if (!yamlKeyOnly || lines.get(i).contains(":")) {
                lines.remove(i);
                return;
            }
        }
    }

    private static void duplicateLine(List<String> lines, Random r) {
        int i = r.nextInt(lines.size());
        lines.add(i, lines.get(i));
    }

    private static void insertTab(List<String> lines, Random r) {
        int i = r.nextInt(lines.size());
        String line = lines.get(i);
        int at = r.nextInt(line.length() + 1);
        lines.set(i, line.substring(0, at) + "\t" + line.substring(at));
    }

    private static void anchorsAndAliases(List<String> lines, Random r) {
        int i = r.nextInt(lines.size());
        String line = lines.get(i);
        int colon = line.indexOf(": ");
        String[] forms = {"&a ", "*a", "*name", "<<: *name", "&x [*x]", "!!binary ", "!!str ", "? ", "*undefined",
                "&b {k: *b}", "<<: [*a, *b]"};
        String form = forms[r.nextInt(forms.length)];
        if (colon >= 0 && !form.startsWith("<<")) {
            lines.set(i, line.substring(0, colon + 2) + form + line.substring(colon + 2));
        } else {
            lines.add(i, " ".repeat(leading(line)) + form);
        }
    }

    private static void replaceValue(List<String> lines, Random r) {
        int i = r.nextInt(lines.size());
        String line = lines.get(i);
        int colon = line.indexOf(": ");
        if (colon < 0) {
            return;
        }
        String[] values = {"", "~", "[", "{", "\"", "'", "- a", "[]", "{}", "-1", "1e999", "0x", "true", "null",
                "http://", "../../etc/passwd", "/abs", "$..[", "((", "999999999999999999999", "a: b: c", "|", ">",
                "\"\\u00\"", "@x", "%TAG", "`x`"};
        lines.set(i, line.substring(0, colon + 2) + values[r.nextInt(values.length)]);
    }

    private static void markdownNoise(List<String> lines, Random r) {
        int i = r.nextInt(lines.size());
        String line = lines.get(i);
        String[] prefixes = {"> ", "- ", "1. ", "    ", "## ", "# ", "```", "~~~", "<div>", "<!-- ", "| ", "  "};
        String prefix = prefixes[r.nextInt(prefixes.length)];
        lines.set(i, prefix + line);
    }
}
