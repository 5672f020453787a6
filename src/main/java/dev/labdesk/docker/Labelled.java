package dev.labdesk.docker;

/** A container or image found by its {@code dev.labdesk.lab} label. */
public record Labelled(String id, String name, String kind) {
}
