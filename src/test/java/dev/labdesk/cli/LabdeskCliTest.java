package dev.labdesk.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.PrintWriter;
import java.io.StringWriter;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class LabdeskCliTest {

    private final StringWriter out = new StringWriter();
    private final StringWriter err = new StringWriter();

    private int run(String... args) {
        return LabdeskCli.run(args, new PrintWriter(out, true), new PrintWriter(err, true));
    }

    @Test
    void helpListsEverySubcommandAndTheExitCodes() {
        assertThat(run("--help")).isEqualTo(ExitCode.OK);

        assertThat(out.toString())
                .contains("validate", "list", "check", "run", "test", "doctor", "workspace", "trust")
                .contains("Exit codes: 0 ok, 1 checks or tests failed");
    }

    @Test
    void anUnknownSubcommandIsAUsageErrorThatNamesTheRealOnes() {
        assertThat(run("valdate", "labs")).isEqualTo(ExitCode.INVALID);

        assertThat(err.toString()).contains("valdate").contains("validate").contains("--help");
    }

    @Test
    void aSubcommandRunsWithOnlyItselfBuiltAndKeepsItsOwnHelp() {
        assertThat(run("test", "--help")).isEqualTo(ExitCode.OK);

        assertThat(out.toString()).contains("Usage: labdesk test").contains("--junit");
    }

    @ParameterizedTest
    @ValueSource(strings = {
        "validate docs/example-pack",
        "validate --json docs/example-pack",
        "validate src/test/resources/broken/unknown-check src/test/resources/broken/yaml-syntax",
        "validate src/test/resources/broken/duplicate-id --json",
        "validate no/such/folder",
        "validate docs/example-pack/01-hello-service.md",
    })
    void aPlainValidateSaysExactlyWhatPicocliWouldHaveSaid(String line) {
        String[] args = line.split(" ");
        assertThat(ValidateCommand.isPlain(args)).isTrue();
        int direct = run(args);
        StringWriter picocliOut = new StringWriter();
        StringWriter picocliErr = new StringWriter();
        int viaPicocli = LabdeskCli.viaPicocli(args, new PrintWriter(picocliOut, true), new PrintWriter(picocliErr, true), null, null);

        assertThat(direct).isEqualTo(viaPicocli);
        assertThat(out.toString()).isEqualTo(picocliOut.toString());
        assertThat(err.toString()).isEqualTo(picocliErr.toString());
        assertThat(out.toString() + err.toString()).isNotBlank();
    }

    @Test
    void anythingButPathsAndJsonGoesThroughPicocli() {
        assertThat(ValidateCommand.isPlain(new String[] {"validate"})).isFalse();
        assertThat(ValidateCommand.isPlain(new String[] {"validate", "--json"})).isFalse();
        assertThat(ValidateCommand.isPlain(new String[] {"validate", "--help"})).isFalse();
        assertThat(ValidateCommand.isPlain(new String[] {"validate", "@args.txt"})).isFalse();
        assertThat(ValidateCommand.isPlain(new String[] {"validate", "--", "-odd"})).isFalse();
        assertThat(ValidateCommand.isPlain(new String[] {"list", "labs"})).isFalse();

        assertThat(run("validate", "--jsn", "labs")).isEqualTo(ExitCode.INVALID);
        assertThat(err.toString()).contains("Unknown option: '--jsn'");
    }
}
