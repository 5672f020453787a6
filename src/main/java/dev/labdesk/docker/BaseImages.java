package dev.labdesk.docker;

import dev.labdesk.pack.Pack;
import dev.labdesk.pack.schema.Shape;
import dev.labdesk.pack.schema.Shapes;
import dev.labdesk.pack.yaml.YMap;
import dev.labdesk.pack.yaml.YNode;
import dev.labdesk.pack.yaml.YSeq;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * The base images a pack declares in pack.yaml ({@code images:}), so LabDesk can tell a learner
 * whether they are present and how to get one: pull it online, load the pack's tar, or build it.
 */
public final class BaseImages {

    public static final String FIELD = "images";

    /** One declared image. {@code tar} is a pack file, {@code build} a sentence or command. */
    public record Declared(String pack, String name, String purpose, String tar, String build) {
    }

    /** A declared image and whether this engine has it, with how to get it when not. */
    public record Status(Declared image, boolean present, String howToGet) {
    }

    private BaseImages() {
    }

    static Shape shape() {
        return Shapes.listOf(Shapes.obj()
                .required("name", DockerKinds.imageRef(), "the image, e.g. labdesk/python-flask:bookworm")
                .optional("purpose", Shapes.text(), "what the labs use it for")
                .optional("tar", Shapes.packFile(), "an image tar in the pack (docker save), for offline use")
                .optional("build", Shapes.text(), "how to build it without a registry, e.g. a script to run")
                .build());
    }

    public static List<Declared> declared(Pack pack) {
        List<Declared> out = new ArrayList<>();
        YNode node = pack.manifest().yaml() == null ? null : pack.manifest().yaml().get(FIELD);
        if (node instanceof YSeq seq) {
            for (YNode item : seq.items()) {
                if (item instanceof YMap m && m.text("name") != null) {
                    out.add(new Declared(pack.id(), m.text("name"), m.text("purpose"), m.text("tar"), m.text("build")));
                }
            }
        }
        return out;
    }

    public static Status status(DockerEngine engine, Pack pack, Declared image) {
        if (engine.image(image.name()).isPresent()) {
            return new Status(image, true, null);
        }
        List<String> ways = new ArrayList<>();
        if (image.tar() != null) {
            Path tar = pack.root().resolve(image.tar());
            ways.add(Files.isRegularFile(tar) ? "load it from the pack: docker load -i " + tar
                    : "the pack declares " + image.tar() + " but does not contain it");
        }
        if (image.build() != null) {
            ways.add("build it: " + image.build());
        }
        ways.add("when online: docker pull " + image.name());
        return new Status(image, false, String.join("; or ", ways));
    }
}
