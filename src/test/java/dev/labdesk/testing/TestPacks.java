package dev.labdesk.testing;

import dev.labdesk.core.CorePlugin;
import dev.labdesk.kind.Cancellation;
import dev.labdesk.kind.KindRegistry;
import dev.labdesk.kind.LabdeskPlugin;
import dev.labdesk.pack.Lab;
import dev.labdesk.pack.Pack;
import dev.labdesk.pack.PackLoader;
import dev.labdesk.pack.Problems;
import dev.labdesk.session.SessionContext;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileVisitResult;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.nio.file.SimpleFileVisitor;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/** Lab packs written to real folders and loaded with the real parser. */
public final class TestPacks {

    private TestPacks() {
    }

    /** A pack with one lab whose only step holds {@code blocks} (Markdown with fenced lab blocks). */
    public record Fixture(Pack pack, Lab lab, Path workspace) {
        public SessionContext context(boolean trusted) {
            return context(trusted, new Cancellation());
        }

        public SessionContext context(boolean trusted, Cancellation cancellation) {
            return new SessionContext(pack, lab, workspace, trusted, cancellation, registry());
        }
    }

    private static volatile KindRegistry registry;

    /** The core kinds, shared so services (background commands) are too. */
    public static KindRegistry registry() {
        if (registry == null) {
            registry = KindRegistry.of(List.of(new CorePlugin()));
        }
        return registry;
    }

    public static KindRegistry registry(LabdeskPlugin... extra) {
        List<LabdeskPlugin> plugins = new ArrayList<>();
        plugins.add(new CorePlugin());
        plugins.addAll(List.of(extra));
        return KindRegistry.of(plugins);
    }

    /** One lab ({@code t/l}) whose body is {@code blocks}; its workspace is {@code dir/ws} (created, empty). */
    public static Fixture lab(Path dir, String blocks) {
        Path root = dir.resolve("pack");
        write(root.resolve("pack.yaml"), "id: t\ntitle: Test pack\nversion: \"1\"\n");
        write(root.resolve("01-l.md"), "---\nid: l\ntitle: Test lab\n---\n\n## Step\n\n" + blocks + "\n");
        Pack pack = load(root);
        Path ws = dir.resolve("ws");
        try {
            Files.createDirectories(ws);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return new Fixture(pack, pack.labs().get(0), ws);
    }

    /** A {@code lab:check} block. */
    public static String checks(String yaml) {
        return "```lab:check\n" + yaml.stripTrailing() + "\n```\n";
    }

    public static Pack load(Path root) {
        Problems problems = new Problems();
        Pack pack = PackLoader.load(root, problems);
        if (problems.hasErrors()) {
            throw new AssertionError("test pack has problems:\n" + String.join("\n",
                    problems.sorted().stream().map(p -> p.format()).toList()));
        }
        return pack;
    }

    public static Path write(Path file, String text) {
        try {
            Files.createDirectories(file.getParent());
            Files.writeString(file, text, StandardCharsets.UTF_8);
            return file;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * Copies a pack from the test resources ({@code src/test/resources/packs/NAME}) to {@code dir},
     * replacing each {@code ${KEY}} in text files with its value.
     */
    public static Path copyResourcePack(String name, Path dir, Map<String, String> vars) {
        try {
            Path source = Paths.get(TestPacks.class.getResource("/packs/" + name + "/pack.yaml").toURI()).getParent();
            Path target = dir.resolve(name);
            Files.walkFileTree(source, new SimpleFileVisitor<>() {
                @Override
                public FileVisitResult preVisitDirectory(Path d, BasicFileAttributes attrs) throws IOException {
                    Files.createDirectories(target.resolve(source.relativize(d).toString()));
                    return FileVisitResult.CONTINUE;
                }

                @Override
                public FileVisitResult visitFile(Path f, BasicFileAttributes attrs) throws IOException {
                    String text;
                    try (InputStream in = Files.newInputStream(f)) {
                        text = new String(in.readAllBytes(), StandardCharsets.UTF_8);
                    }
                    for (Map.Entry<String, String> v : vars.entrySet()) {
                        text = text.replace("${" + v.getKey() + "}", v.getValue());
                    }
                    Files.writeString(target.resolve(source.relativize(f).toString()), text, StandardCharsets.UTF_8);
                    return FileVisitResult.CONTINUE;
                }
            });
            return target;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (java.net.URISyntaxException e) {
            throw new IllegalStateException(e);
        }
    }
}
