package dev.labdesk.doctor;

import dev.labdesk.docker.BaseImages;
import dev.labdesk.docker.Discovery;
import dev.labdesk.docker.DockerEngine;
import dev.labdesk.docker.EngineInfo;
import dev.labdesk.kind.EnvironmentUnavailable;
import dev.labdesk.pack.Pack;
import java.util.ArrayList;
import java.util.List;

/** The Docker part of the report: which engine, how it was found, and the packs' base images. */
final class DockerSection {

    private DockerSection() {
    }

    static Section check(DockerEngine engine, List<Pack> packs) {
        Discovery d = engine.discover();
        List<Section.Row> tried = new ArrayList<>();
        for (Discovery.Attempt a : d.attempts()) {
            Boolean ok = a.chosen() ? Boolean.TRUE : a.verdict().startsWith("not tried") ? null : Boolean.FALSE;
            tried.add(new Section.Row(ok, a.source(), (a.endpoint().isEmpty() ? "" : a.endpoint() + ": ") + a.verdict()));
        }
        List<Section.Rows> lists = new ArrayList<>();
        lists.add(new Section.Rows("places looked at, in order", tried));
        if (!d.available()) {
            return new Section("docker", Section.Status.UNAVAILABLE, d.problem(), List.of(), lists, d.problem(), d.fix());
        }
        EngineInfo e = d.engine();
        List<Section.Fact> facts = List.of(
                new Section.Fact("endpoint", e.endpoint()),
                new Section.Fact("found via", e.source()),
                new Section.Fact("engine", e.version()),
                new Section.Fact("API version", e.apiVersion() + (e.minApiVersion() == null ? "" : " (oldest supported " + e.minApiVersion() + ")")),
                new Section.Fact("platform", e.platform() + (e.kernel() == null ? "" : ", kernel " + e.kernel())));
        List<Section.Row> images = new ArrayList<>();
        int missing = 0;
        try {
            for (Pack pack : packs) {
                for (BaseImages.Declared image : BaseImages.declared(pack)) {
                    BaseImages.Status s = BaseImages.status(engine, pack, image);
                    String purpose = image.purpose() == null ? "" : image.purpose() + "; ";
                    images.add(new Section.Row(s.present(), image.name() + " (pack " + pack.id() + ")",
                            purpose + (s.present() ? "present" : "missing: " + s.howToGet())));
                    missing += s.present() ? 0 : 1;
                }
            }
        } catch (EnvironmentUnavailable lost) {
            return new Section("docker", Section.Status.UNAVAILABLE, lost.getMessage(), facts, lists, lost.getMessage(), lost.fix());
        }
        if (!images.isEmpty()) {
            lists.add(new Section.Rows("base images the packs declare", images));
        }
        String summary = "Docker Engine " + e.version() + " (API " + e.apiVersion() + ") at " + e.endpoint();
        if (missing > 0) {
            return new Section("docker", Section.Status.WARN, summary + "; " + missing + " base image(s) missing", facts, lists,
                    missing + " base image(s) that labs need are not on this engine", "see the list above for how to get each");
        }
        return new Section("docker", Section.Status.OK, summary, facts, lists, null, null);
    }
}
