package dev.labdesk.workspace;

/** A path in a check, an action or a pack that would leave the folder it must stay in. */
public final class PathOutsideWorkspace extends IllegalArgumentException {

    public PathOutsideWorkspace(String path, String folderName) {
        super("'" + path + "' leaves the " + folderName + "; use a relative path inside it, like 'app/main.py'");
    }
}
