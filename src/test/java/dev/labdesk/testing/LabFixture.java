package dev.labdesk.testing;

import dev.labdesk.kind.Cancellation;
import dev.labdesk.kind.KindContext;
import dev.labdesk.kind.KindRegistry;
import dev.labdesk.pack.Block;
import dev.labdesk.pack.CheckSpec;
import dev.labdesk.pack.Lab;
import dev.labdesk.pack.Pack;
import dev.labdesk.pack.PackLoader;
import dev.labdesk.pack.Problems;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;

/**
 * A real pack on disk (pack.yaml and one lab), loaded by the real loader, with a workspace and a
 * {@link KindContext} for running its actions and checks. Services can be replaced per test.
 */
public final class LabFixture {

    private final Pack pack;
    private final Lab lab;
    private final Path workspace;
    private final KindRegistry registry;
    private final Map<Class<?>, Object> overrides = new HashMap<>();

    private LabFixture(Pack pack, Lab lab, Path workspace, KindRegistry registry) {
        this.pack = pack;
        this.lab = lab;
        this.workspace = workspace;
        this.registry = registry;
    }

    /** Writes {@code root/pack.yaml} and {@code root/01-lab.md} and loads them; fails on any load error. */
    public static LabFixture write(Path root, String packYaml, String labMarkdown) throws IOException {
        Files.createDirectories(root);
        Files.writeString(root.resolve("pack.yaml"), packYaml);
        Files.writeString(root.resolve("01-lab.md"), labMarkdown);
        Problems problems = new Problems();
        Pack pack = PackLoader.load(root, problems);
        if (problems.sorted().stream().anyMatch(dev.labdesk.pack.Problem::isError)) {
            throw new AssertionError("fixture pack does not load: " + problems.sorted());
        }
        Path workspace = Files.createDirectories(root.resolve("workspace"));
        return new LabFixture(pack, pack.labs().get(0), workspace, KindRegistry.load());
    }

    public <T> LabFixture withService(Class<T> type, T instance) {
        overrides.put(type, instance);
        return this;
    }

    public Pack pack() {
        return pack;
    }

    public Lab lab() {
        return lab;
    }

    public Path workspace() {
        return workspace;
    }

    public KindRegistry registry() {
        return registry;
    }

    public Block.Action action(String id) {
        return lab.actions().stream().filter(a -> a.id().equals(id)).findFirst()
                .orElseThrow(() -> new AssertionError("no action " + id + " in " + lab.actions()));
    }

    public CheckSpec check(String id) {
        return lab.checks().stream().filter(c -> c.id().equals(id)).findFirst()
                .orElseThrow(() -> new AssertionError("no check " + id));
    }

    public KindContext context() {
        return context(new Cancellation());
    }

    public KindContext context(Cancellation cancellation) {
        return new KindContext() {
            @Override
            public Pack pack() {
                return pack;
            }

            @Override
            public Lab lab() {
                return lab;
            }

            @Override
            public Path workspace() {
                return workspace;
            }

            @Override
            public boolean trusted() {
                return false;
            }

            @Override
            public Cancellation cancellation() {
                return cancellation;
            }

            @Override
            public <T> T service(Class<T> type) {
                Object o = overrides.get(type);
                return o != null ? type.cast(o) : registry.service(type);
            }
        };
    }

    public void close() {
        registry.closeServices();
    }
}
