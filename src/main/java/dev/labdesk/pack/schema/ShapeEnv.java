package dev.labdesk.pack.schema;

/** What a shape check may ask about the files around the YAML it reads. */
public interface ShapeEnv {

    /** True when the path exists in the lab's starter files or its solution. */
    boolean workspaceFileExists(String relativePath);

    /** True when the path exists inside the pack folder. */
    boolean packFileExists(String relativePath);

    /** For YAML that refers to no files (tests, pack.yaml before labs exist). */
    ShapeEnv NONE = new ShapeEnv() {
        @Override
        public boolean workspaceFileExists(String relativePath) {
            return true;
        }

        @Override
        public boolean packFileExists(String relativePath) {
            return true;
        }
    };
}
