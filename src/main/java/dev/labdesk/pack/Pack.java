package dev.labdesk.pack;

import dev.labdesk.pack.schema.Shapes;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;

/** A lab pack folder: its manifest and its labs in order. */
public record Pack(Path root, PackManifest manifest, List<Lab> labs) {

    public Pack {
        labs = List.copyOf(labs);
    }

    public String id() {
        return manifest.id();
    }

    public Optional<Lab> lab(String id) {
        return labs.stream().filter(l -> l.id().equals(id)).findFirst();
    }

    /** {@code files/<lab>/}: the starter files copied into a fresh workspace (may not exist). */
    public Path starterFiles(Lab lab) {
        return labFolder("files", lab);
    }

    /** {@code solutions/<lab>/}: the finished files (may not exist). */
    public Path solutionFiles(Lab lab) {
        return labFolder("solutions", lab);
    }

    /** The folder is named after the lab's file ({@code 01-build-image}) or, failing that, its id. */
    private Path labFolder(String kind, Lab lab) {
        Path byFile = root.resolve(kind).resolve(lab.fileStem());
        if (Files.isDirectory(byFile) || !Shapes.ID.matcher(lab.id()).matches()) {
            return byFile;
        }
        Path byId = root.resolve(kind).resolve(lab.id());
        return Files.isDirectory(byId) ? byId : byFile;
    }
}
