package dev.labdesk.kind;

/**
 * How an integration contributes kinds, {@code requires} values, pack.yaml keys and services.
 * Found through {@link java.util.ServiceLoader}: list implementations in
 * {@code META-INF/services/dev.labdesk.kind.LabdeskPlugin}.
 */
public interface LabdeskPlugin {

    void register(KindRegistry.Builder registry);
}
