package dev.labdesk.kind;

import dev.labdesk.pack.Block;
import dev.labdesk.pack.CheckSpec;
import dev.labdesk.pack.Lab;
import dev.labdesk.pack.schema.Shape;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.ServiceLoader;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Supplier;

/**
 * Every check kind, action kind, {@code requires} value, extra pack.yaml key and service that
 * the installed plugins contribute. Immutable once built; services are created on first use.
 */
public final class KindRegistry {

    private final Map<String, CheckKind> checks;
    private final Map<String, ActionKind> actions;
    private final Map<String, String> requires;
    private final Map<String, Shape.Field> packFields;
    private final Map<Class<?>, Supplier<?>> serviceFactories;
    private final List<LabCleaner> cleaners;
    private final Map<Class<?>, Object> services = new ConcurrentHashMap<>();

    private KindRegistry(BuilderImpl b) {
        this.checks = Collections.unmodifiableMap(new TreeMap<>(b.checks));
        this.actions = Collections.unmodifiableMap(new TreeMap<>(b.actions));
        this.requires = Collections.unmodifiableMap(new TreeMap<>(b.requires));
        this.packFields = Collections.unmodifiableMap(new LinkedHashMap<>(b.packFields));
        this.serviceFactories = Map.copyOf(b.services);
        this.cleaners = List.copyOf(b.cleaners);
    }

    /** The registry of every plugin on the class path. */
    public static KindRegistry load() {
        BuilderImpl b = new BuilderImpl();
        for (LabdeskPlugin plugin : ServiceLoader.load(LabdeskPlugin.class, KindRegistry.class.getClassLoader())) {
            plugin.register(b);
        }
        return new KindRegistry(b);
    }

    public static KindRegistry of(List<LabdeskPlugin> plugins) {
        BuilderImpl b = new BuilderImpl();
        plugins.forEach(p -> p.register(b));
        return new KindRegistry(b);
    }

    public Optional<CheckKind> check(String name) {
        return Optional.ofNullable(checks.get(name));
    }

    public Optional<ActionKind> action(String name) {
        return Optional.ofNullable(actions.get(name));
    }

    public Map<String, CheckKind> checks() {
        return checks;
    }

    public Map<String, ActionKind> actions() {
        return actions;
    }

    /**
     * Whether any of the lab's checks or actions is of a kind that runs commands, so that it needs a
     * trusted pack. Kinds this registry does not know need nothing here: they cannot run at all.
     */
    public boolean needsTrust(Lab lab) {
        return lab.checks().stream().anyMatch(this::needsTrust) || lab.actions().stream().anyMatch(this::needsTrust);
    }

    /** Whether the check is of a kind that runs commands. */
    public boolean needsTrust(CheckSpec check) {
        return check.kind() != null && check(check.kind()).map(CheckKind::needsTrust).orElse(false);
    }

    /** Whether the action is of a kind that runs commands. */
    public boolean needsTrust(Block.Action action) {
        return action(action.kind()).map(ActionKind::needsTrust).orElse(false);
    }

    /** Known {@code requires} values with a sentence each. */
    public Map<String, String> requires() {
        return requires;
    }

    public Map<String, Shape.Field> packFields() {
        return packFields;
    }

    /** What cleans up after a lab, one per environment that labels what it creates. */
    public List<LabCleaner> cleaners() {
        return cleaners;
    }

    /** The shared instance of a service, created on first use. */
    public <T> T service(Class<T> type) {
        Supplier<?> factory = serviceFactories.get(type);
        if (factory == null) {
            throw new IllegalStateException("no plugin provides " + type.getName());
        }
        return type.cast(services.computeIfAbsent(type, t -> factory.get()));
    }

    /** Closes every service that was created and is {@link AutoCloseable}. */
    public void closeServices() {
        for (Object s : services.values()) {
            if (s instanceof AutoCloseable c) {
                try {
                    c.close();
                } catch (Exception ignored) {
                    // closing on the way out; nothing useful to do with a failure here
                }
            }
        }
        services.clear();
    }

    public interface Builder {
        Builder check(CheckKind kind);

        Builder action(ActionKind kind);

        /** A value labs may list under {@code requires}. */
        Builder requires(String name, String description);

        /** A top-level pack.yaml key this plugin reads, e.g. {@code images}. */
        Builder packField(String key, Shape shape, String doc);

        <T> Builder service(Class<T> type, Supplier<? extends T> factory);

        /** Cleans up after a lab when {@code labdesk test} is done with it. */
        Builder cleaner(LabCleaner cleaner);
    }

    private static final class BuilderImpl implements Builder {
        final Map<String, CheckKind> checks = new LinkedHashMap<>();
        final Map<String, ActionKind> actions = new LinkedHashMap<>();
        final Map<String, String> requires = new LinkedHashMap<>();
        final Map<String, Shape.Field> packFields = new LinkedHashMap<>();
        final Map<Class<?>, Supplier<?>> services = new LinkedHashMap<>();
        final List<LabCleaner> cleaners = new java.util.ArrayList<>();

        @Override
        public Builder cleaner(LabCleaner cleaner) {
            cleaners.add(cleaner);
            return this;
        }

        @Override
        public Builder check(CheckKind kind) {
            if (checks.putIfAbsent(kind.name(), kind) != null) {
                throw new IllegalStateException("two plugins define check kind " + kind.name());
            }
            return this;
        }

        @Override
        public Builder action(ActionKind kind) {
            if (actions.putIfAbsent(kind.name(), kind) != null) {
                throw new IllegalStateException("two plugins define action kind " + kind.name());
            }
            return this;
        }

        @Override
        public Builder requires(String name, String description) {
            requires.put(name, description);
            return this;
        }

        @Override
        public Builder packField(String key, Shape shape, String doc) {
            packFields.put(key, new Shape.Field(shape, false, doc));
            return this;
        }

        @Override
        public <T> Builder service(Class<T> type, Supplier<? extends T> factory) {
            services.put(type, factory);
            return this;
        }
    }

    /** Names only, for messages. */
    public Set<String> checkNames() {
        return checks.keySet();
    }
}
