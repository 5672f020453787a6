package dev.labdesk.testing;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * The test needs root (it starts a private dockerd). Not root: aborted loudly, or failed when
 * {@code -Dlabdesk.requireRoot=true}; that flag defaults to {@code labdesk.requireDocker}, so CI's
 * one flag covers both.
 */
@Target({ElementType.TYPE, ElementType.METHOD})
@Retention(RetentionPolicy.RUNTIME)
@ExtendWith(RootGate.class)
public @interface RequiresRoot {
}
