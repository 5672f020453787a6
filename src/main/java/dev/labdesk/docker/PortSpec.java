package dev.labdesk.docker;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** {@code host:container[/proto]} as labs write it; the host side is bound to 127.0.0.1. */
public record PortSpec(int hostPort, int containerPort, String protocol) {

    private static final Pattern FORM = Pattern.compile("(\\d{1,5})(?::(\\d{1,5}))?(?:/(tcp|udp))?");

    /** Parses {@code 8080:5000}, {@code 8080:5000/udp} or {@code 8080} (same port both sides); null when invalid. */
    public static PortSpec parse(String text) {
        Matcher m = FORM.matcher(text.trim());
        if (!m.matches()) {
            return null;
        }
        int host = Integer.parseInt(m.group(1));
        int container = m.group(2) == null ? host : Integer.parseInt(m.group(2));
        if (host < 1 || host > 65535 || container < 1 || container > 65535) {
            return null;
        }
        return new PortSpec(host, container, m.group(3) == null ? "tcp" : m.group(3));
    }

    @Override
    public String toString() {
        return hostPort + ":" + containerPort + (protocol.equals("tcp") ? "" : "/" + protocol);
    }
}
