package dev.labdesk.course;

import static org.assertj.core.api.Assertions.assertThat;

import dev.labdesk.cli.LabdeskCli;
import dev.labdesk.docker.DockerEngine;
import dev.labdesk.kind.KindRegistry;
import dev.labdesk.testing.Gates;
import dev.labdesk.testing.RequiresDocker;
import dev.labdesk.validate.ValidationReport;
import dev.labdesk.validate.Validator;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The course that ships in labs/ and notes/ is valid, and every lab passes its own lab test. */
class BundledCourseTest {

    static final Path LABS = Path.of("labs");
    static final Path NOTES = Path.of("notes");

    @TempDir
    Path home;

    private String previousHome;

    @BeforeEach
    void isolateHome() {
        previousHome = System.getProperty("labdesk.home");
        System.setProperty("labdesk.home", home.toString());
    }

    @AfterEach
    void restoreHome() {
        if (previousHome == null) {
            System.clearProperty("labdesk.home");
        } else {
            System.setProperty("labdesk.home", previousHome);
        }
    }

    @Test
    void bundledLabsAndNotesValidateWithoutErrorsOrWarnings() {
        ValidationReport report = new Validator(KindRegistry.load()).validate(List.of(LABS, NOTES));

        assertThat(report.problems()).as("problems in the bundled course").isEmpty();
        assertThat(report.files()).isGreaterThan(30);
    }

    @Test
    void bundledCourseLoadsEveryPackAndNote() {
        Course course = Course.load(Path.of("."));

        assertThat(course.packs()).extracting(p -> p.id())
                .containsExactlyInAnyOrder("foundations", "containers", "kubernetes", "data", "mlops");
        assertThat(course.labCount()).isGreaterThanOrEqualTo(16);
        assertThat(course.notes()).hasSizeGreaterThan(20);
        assertThat(course.problems()).isEmpty();
    }

    @Test
    void labsThatNeedOnlyFilesPassTheirLabTests() {
        Run run = labdesk("test", "labs/foundations");
        Run k8s = labdesk("test", "labs/kubernetes");

        assertThat(run.code).as(run.out + run.err).isZero();
        assertThat(run.out).contains("3 labs tested: 3 passed, 0 failed");
        assertThat(k8s.code).as(k8s.out + k8s.err).isZero();
        assertThat(k8s.out).contains("2 labs tested: 2 passed, 0 failed");
    }

    @Test
    @RequiresDocker
    void everyBundledLabPassesItsLabTestWithDocker() {
        try (DockerEngineProbe probe = new DockerEngineProbe()) {
            Gates.requireForDocker(probe.hasBaseImage(),
                    "labdesk/python-flask:bookworm is not on this engine: run scripts/build-python-flask-image.sh (CI does)");
        }

        Run run = labdesk("test", "labs");

        assertThat(run.code).as(run.out + run.err).isZero();
        assertThat(run.out).contains("16 labs tested: 16 passed, 0 failed");
        assertThat(run.out).doesNotContain("FAIL ");
        try (DockerEngineProbe probe = new DockerEngineProbe()) {
            assertThat(probe.labelledLeftovers()).as("labdesk test removes what the labs' actions created").isEmpty();
        }
    }

    private record Run(int code, String out, String err) {
    }

    private static Run labdesk(String... args) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        int code = LabdeskCli.run(args, new PrintWriter(out, true), new PrintWriter(err, true));
        return new Run(code, out.toString(), err.toString());
    }

    /** Asks the engine whether the course's offline base image is there. */
    private static final class DockerEngineProbe implements AutoCloseable {
        private final KindRegistry registry = KindRegistry.load();

        boolean hasBaseImage() {
            return registry.service(DockerEngine.class).image("labdesk/python-flask:bookworm").isPresent();
        }

        /** Containers and images still carrying a bundled lab's label. */
        List<String> labelledLeftovers() {
            DockerEngine engine = registry.service(DockerEngine.class);
            List<String> left = new java.util.ArrayList<>();
            for (var pack : Course.load(Path.of(".")).packs()) {
                for (var lab : pack.labs()) {
                    String key = pack.id() + "/" + lab.id();
                    engine.containersLabelled(DockerEngine.LAB_LABEL, key).forEach(c -> left.add("container " + c.name()));
                    engine.imagesLabelled(DockerEngine.LAB_LABEL, key).forEach(i -> left.add("image " + i.name()));
                }
            }
            return left;
        }

        @Override
        public void close() {
            registry.closeServices();
        }
    }
}
