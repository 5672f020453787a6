package dev.labdesk.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.labdesk.progress.ProgressStore;
import dev.labdesk.progress.TrustedPack;
import dev.labdesk.testing.TestPacks;
import dev.labdesk.workspace.FileTrees;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.Statement;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code labdesk trust}, and the trust it leaves for {@code check}, {@code run} and {@code test}. */
class TrustCommandTest {

    @TempDir
    Path dir;

    private Path home;
    private Path pack;

    @BeforeEach
    void setUp() {
        home = dir.resolve("home");
        System.setProperty("labdesk.home", home.toString());
        pack = commandPack(dir.resolve("packs/cmd"), "cmd");
    }

    @AfterEach
    void tearDown() {
        System.clearProperty("labdesk.home");
    }

    /** A pack whose one lab writes proof.txt with a shell action and reads it with a command check. */
    private static Path commandPack(Path root, String id) {
        TestPacks.write(root.resolve("pack.yaml"), "id: " + id + "\ntitle: Commands\nversion: \"1\"\n");
        TestPacks.write(root.resolve("01-c.md"), """
                ---
                id: c
                title: Commands
                requires: [shell]
                ---

                ## Make the proof

                ```lab:shell
                id: make-proof
                run: echo made > proof.txt
                ```

                ```lab:check
                - id: proof
                  command: cat proof.txt
                  expect: {text: made}
                ```
                """);
        TestPacks.write(root.resolve("solutions/01-c/proof.txt"), "made\n");
        return root;
    }

    /** The learner's work: proof.txt in the lab's workspace, so the check passes once it runs. */
    private void learnerWroteTheProof(String packId) {
        TestPacks.write(home.resolve("workspaces/" + packId + "/c/proof.txt"), "made\n");
    }

    private String trustedOn(Path packRoot) throws Exception {
        try (ProgressStore store = ProgressStore.open(home.resolve("progress.db"))) {
            TrustedPack t = store.trustedPack("cmd", packRoot.toRealPath()).orElseThrow();
            return LocalDate.ofInstant(t.trustedAt(), ZoneId.systemDefault()).toString();
        }
    }

    private static void foreignDatabase(Path file) throws Exception {
        Files.createDirectories(file.getParent());
        try (Connection c = DriverManager.getConnection("jdbc:sqlite:" + file); Statement s = c.createStatement()) {
            s.execute("CREATE TABLE photos (name TEXT)");
        }
    }

    @Test
    void trustingAPackMakesItsCommandCheckRunWhereItSkippedBefore() throws Exception {
        learnerWroteTheProof("cmd");
        CliRun before = CliRun.run("check", pack.toString());
        assertThat(before.code()).as(before.toString()).isEqualTo(ExitCode.OK);
        assertThat(before.out()).contains("SKIP   proof")
                .contains("trust it with 'labdesk trust " + pack + "' (or run with --trust)");

        CliRun trust = CliRun.run("trust", pack.toString());
        assertThat(trust.code()).as(trust.toString()).isEqualTo(ExitCode.OK);
        assertThat(trust.out()).isEqualTo("trusted cmd (" + pack.toRealPath() + "): 1 of 1 lab runs commands\n");
        assertThat(trust.err()).contains("run these packs' commands on this machine, as you")
                .contains("'labdesk trust --revoke PATH' takes it back");

        CliRun after = CliRun.run("check", pack.toString());
        assertThat(after.code()).as(after.toString()).isEqualTo(ExitCode.OK);
        assertThat(after.out()).contains("PASS   proof").doesNotContain("SKIP");
        assertThat(after.err()).doesNotContain("trust");
    }

    @Test
    void aTrustedPacksShellActionsRunWithoutTheFlag() {
        CliRun untrusted = CliRun.run("run", pack.toString());
        assertThat(untrusted.out()).contains("NOT RUN   make-proof");
        assertThat(home.resolve("workspaces/cmd/c/proof.txt")).doesNotExist();

        assertThat(CliRun.run("trust", pack.toString()).code()).isEqualTo(ExitCode.OK);
        CliRun trusted = CliRun.run("run", pack.toString());
        assertThat(trusted.code()).as(trusted.toString()).isEqualTo(ExitCode.OK);
        assertThat(home.resolve("workspaces/cmd/c/proof.txt")).hasContent("made");
    }

    @Test
    void labTestRunsATrustedPacksCommandsWithoutTheFlag() {
        CliRun untrusted = CliRun.run("test", pack.toString());
        assertThat(untrusted.code()).as(untrusted.toString()).isEqualTo(ExitCode.FAILED);
        assertThat(untrusted.out()).contains("1 action and 1 check did not run because the pack is not trusted"
                + " (trust it with 'labdesk trust " + pack + "', or run with --trust)");

        assertThat(CliRun.run("trust", pack.toString()).code()).isEqualTo(ExitCode.OK);
        CliRun trusted = CliRun.run("test", pack.toString());
        assertThat(trusted.code()).as(trusted.toString()).isEqualTo(ExitCode.OK);
        assertThat(trusted.out()).contains("PASSED: 1 of 1 check fail on a fresh workspace, and all pass on the solution");
    }

    @Test
    void editingALabFileAfterTrustingMakesItSkipAgainAndSaysSoInOneLine() throws Exception {
        learnerWroteTheProof("cmd");
        assertThat(CliRun.run("trust", pack.toString()).code()).isEqualTo(ExitCode.OK);
        Path lab = pack.resolve("01-c.md");
        Files.writeString(lab, Files.readString(lab).replace("cat proof.txt", "cat ./proof.txt"));

        CliRun check = CliRun.run("check", pack.toString());
        assertThat(check.code()).as(check.toString()).isEqualTo(ExitCode.OK);
        assertThat(check.out()).contains("SKIP   proof");
        String line = "labdesk: pack 'cmd' changed since you trusted it on " + trustedOn(pack)
                + "; review it and run 'labdesk trust " + pack + "' again\n";
        assertThat(check.err()).contains(line);
        assertThat(check.err().split("changed since", -1)).hasSize(2);

        String firstDecision = trustedOn(pack);
        CliRun again = CliRun.run("trust", pack.toString());
        assertThat(again.out()).matches(Pattern.quote("trusted cmd (" + pack.toRealPath() + "): 1 of 1 lab runs commands;"
                + " it changed since you trusted it on " + firstDecision) + " \\d\\d:\\d\\d\n");
        assertThat(CliRun.run("check", pack.toString()).out()).contains("PASS   proof");
    }

    @Test
    void changingAStarterFileAlsoEndsTheTrust() {
        assertThat(CliRun.run("trust", pack.toString()).code()).isEqualTo(ExitCode.OK);
        TestPacks.write(pack.resolve("files/01-c/conftest.py"), "import os\n");

        CliRun run = CliRun.run("run", pack.toString());
        assertThat(run.out()).contains("NOT RUN   make-proof");
        assertThat(run.err()).contains("labdesk: pack 'cmd' changed since you trusted it on ");
    }

    @Test
    void aCopyOfATrustedPackInAnotherFolderIsNotTrusted() throws Exception {
        assertThat(CliRun.run("trust", pack.toString()).code()).isEqualTo(ExitCode.OK);
        Path copy = dir.resolve("downloads/cmd");
        FileTrees.copy(pack, copy);

        CliRun run = CliRun.run("run", copy.toString());
        assertThat(run.out()).contains("NOT RUN   make-proof  not run: the pack is not trusted");
        assertThat(run.err()).as("the copy was never trusted, so nothing changed 'since'").doesNotContain("changed since");
        assertThat(home.resolve("workspaces/cmd/c/proof.txt")).doesNotExist();
    }

    @Test
    void revokeTakesTheTrustBack() throws Exception {
        learnerWroteTheProof("cmd");
        assertThat(CliRun.run("trust", pack.toString()).code()).isEqualTo(ExitCode.OK);

        CliRun revoke = CliRun.run("trust", pack.toString(), "--revoke");
        assertThat(revoke.code()).as(revoke.toString()).isEqualTo(ExitCode.OK);
        assertThat(revoke.out()).isEqualTo("revoked cmd (" + pack.toRealPath() + ")\n");
        assertThat(CliRun.run("check", pack.toString()).out()).contains("SKIP   proof");

        CliRun again = CliRun.run("trust", pack.resolve("01-c.md").toString(), "--revoke");
        assertThat(again.code()).isEqualTo(ExitCode.OK);
        assertThat(again.out()).isEqualTo("nothing to revoke: no pack in " + pack.toRealPath() + " is trusted\n");
    }

    @Test
    void listShowsEachTrustedPackWithItsFolderTimeAndWhetherItChangedSince() throws Exception {
        Path other = commandPack(dir.resolve("packs/other"), "other");
        CliRun trust = CliRun.run("trust", dir.resolve("packs").toString());
        assertThat(trust.code()).as(trust.toString()).isEqualTo(ExitCode.OK);
        assertThat(trust.out()).contains("trusted cmd (").contains("trusted other (");
        TestPacks.write(other.resolve("README.md"), "Now with a readme.\n");

        CliRun list = CliRun.run("trust", "--list");
        assertThat(list.code()).as(list.toString()).isEqualTo(ExitCode.OK);
        String[] lines = list.out().split("\n");
        assertThat(lines).hasSize(3);
        assertThat(lines[0]).matches("pack +folder +trusted +now");
        assertThat(lines[1]).matches("cmd +" + Pattern.quote(pack.toRealPath().toString())
                + " +\\d{4}-\\d\\d-\\d\\d \\d\\d:\\d\\d +unchanged");
        assertThat(lines[2]).matches("other +" + Pattern.quote(other.toRealPath().toString())
                + " +\\d{4}-\\d\\d-\\d\\d \\d\\d:\\d\\d +CHANGED since: not trusted");
        assertThat(lines[1].indexOf(pack.toRealPath().toString())).isEqualTo(lines[2].indexOf(other.toRealPath().toString()));
        assertThat(list.err()).contains("untrusted until you review it and run 'labdesk trust FOLDER' again");
    }

    @Test
    void aFolderThatIsGoneIsListedAsMissingAndCanBeRevoked() throws Exception {
        Path real = pack.toRealPath();
        assertThat(CliRun.run("trust", pack.toString()).code()).isEqualTo(ExitCode.OK);
        FileTrees.delete(pack);

        CliRun list = CliRun.run("trust", "--list");
        assertThat(list.out()).contains("folder missing");
        assertThat(list.err()).contains("'labdesk trust --revoke FOLDER' forgets a folder that is gone");

        CliRun revoke = CliRun.run("trust", pack.toString(), "--revoke");
        assertThat(revoke.code()).as(revoke.toString()).isEqualTo(ExitCode.OK);
        assertThat(revoke.out()).isEqualTo("revoked cmd (" + real + ")\n");
        assertThat(CliRun.run("trust", "--list").out()).isEqualTo("no trusted packs; 'labdesk trust PATH' trusts one\n");

        CliRun nothing = CliRun.run("trust", pack.toString(), "--revoke");
        assertThat(nothing.code()).isEqualTo(ExitCode.INVALID);
        assertThat(nothing.err()).contains("no such file or folder: " + pack + ", and no pack was trusted there");
    }

    @Test
    void trustingAnUnchangedPackAgainKeepsTheFirstDecision() {
        assertThat(CliRun.run("trust", pack.toString()).code()).isEqualTo(ExitCode.OK);
        CliRun again = CliRun.run("trust", pack.toString());
        assertThat(again.code()).isEqualTo(ExitCode.OK);
        assertThat(again.out()).startsWith("already trusted cmd (").contains(" since ");
    }

    @Test
    void anInvalidPackIsReportedAndNotTrusted() throws Exception {
        Path lab = pack.resolve("01-c.md");
        Files.writeString(lab, Files.readString(lab).replace("command: cat", "comand: cat"));

        CliRun r = CliRun.run("trust", pack.toString());
        assertThat(r.code()).as(r.toString()).isEqualTo(ExitCode.INVALID);
        assertThat(r.err()).contains("01-c.md:").contains("comand")
                .contains("labdesk: invalid pack: 1 error; nothing was trusted. Fix them ('labdesk validate " + pack);
        assertThat(r.out()).isEmpty();
        assertThat(home.resolve("progress.db")).doesNotExist();
    }

    @Test
    void aPackWhoseLabFileIsASymbolicLinkCannotBeTrustedAndTurningAFileIntoALinkEndsTrust() throws Exception {
        Path outside = dir.resolve("outside/01-c.md");
        Files.createDirectories(outside.getParent());
        Files.move(pack.resolve("01-c.md"), outside);
        Files.createSymbolicLink(pack.resolve("01-c.md"), outside);

        CliRun r = CliRun.run("trust", pack.toString());
        assertThat(r.code()).as(r.toString()).isEqualTo(ExitCode.INVALID);
        assertThat(r.err()).contains("cannot trust pack 'cmd': 01-c.md is a symbolic link in " + pack.toRealPath())
                .contains("Fix: replace the link with the file or folder it points to");
        assertThat(r.out()).isEmpty();

        Files.delete(pack.resolve("01-c.md"));
        Files.copy(outside, pack.resolve("01-c.md"));
        assertThat(CliRun.run("trust", pack.toString()).code()).isEqualTo(ExitCode.OK);
        Files.delete(pack.resolve("01-c.md"));
        Files.createSymbolicLink(pack.resolve("01-c.md"), outside);
        CliRun run = CliRun.run("run", pack.toString());
        assertThat(run.out()).contains("NOT RUN   make-proof");
        assertThat(run.err()).contains("changed since you trusted it");
    }

    @Test
    void aStoreThatCannotBeOpenedFailsLookupsClosedAndTrustExitsThreeWithTheFix() throws Exception {
        learnerWroteTheProof("cmd");
        foreignDatabase(home.resolve("progress.db"));

        CliRun check = CliRun.run("check", pack.toString());
        assertThat(check.code()).as(check.toString()).isEqualTo(ExitCode.OK);
        assertThat(check.out()).contains("SKIP   proof");
        assertThat(check.err()).contains("labdesk: note: packs are treated as untrusted because the packs you trusted"
                + " cannot be read: " + home.resolve("progress.db").toAbsolutePath() + " is not a LabDesk progress database");
        assertThat(check.err().split("treated as untrusted", -1)).hasSize(2);

        for (String[] args : new String[][] {{"trust", pack.toString()}, {"trust", pack.toString(), "--revoke"},
                {"trust", "--list"}}) {
            CliRun r = CliRun.run(args);
            assertThat(r.code()).as(r.toString()).isEqualTo(ExitCode.ENVIRONMENT);
            assertThat(r.err()).startsWith("labdesk: cannot open the progress store, where trust is kept: ")
                    .contains("Fix: move it aside").doesNotContain("\tat ");
            assertThat(r.err().strip().lines()).hasSize(1);
        }
    }

    @Test
    void labsThatRunNoCommandsNeverTouchTheStore() throws Exception {
        Path plain = dir.resolve("plain");
        TestPacks.write(plain.resolve("pack.yaml"), "id: plain\ntitle: Plain\nversion: \"1\"\n");
        TestPacks.write(plain.resolve("01-p.md"), """
                ---
                id: p
                title: Plain
                ---

                ## Write

                ```lab:check
                - id: notes
                  file.exists: notes.txt
                ```
                """);
        TestPacks.write(plain.resolve("solutions/01-p/notes.txt"), "done\n");
        foreignDatabase(home.resolve("progress.db"));
        byte[] before = Files.readAllBytes(home.resolve("progress.db"));

        CliRun r = CliRun.run("test", plain.toString());
        assertThat(r.code()).as(r.toString()).isEqualTo(ExitCode.OK);
        assertThat(r.err()).doesNotContain("untrusted");
        assertThat(Files.readAllBytes(home.resolve("progress.db"))).isEqualTo(before);
    }

    @Test
    void checkLooksTrustUpOnlyForCommandChecksAndRunOnlyForTheActionsItRuns() throws Exception {
        Path mixed = dir.resolve("mixed");
        TestPacks.write(mixed.resolve("pack.yaml"), "id: mixed\ntitle: Mixed\nversion: \"1\"\n");
        TestPacks.write(mixed.resolve("01-m.md"), """
                ---
                id: m
                title: Mixed
                requires: [shell]
                ---

                ## Do

                ```lab:http
                id: call
                url: http://127.0.0.1:9/
                timeout: 1s
                ```

                ```lab:shell
                id: write
                run: echo hi > notes.txt
                ```

                ```lab:check
                - id: notes
                  file.exists: notes.txt
                ```
                """);
        foreignDatabase(home.resolve("progress.db"));

        CliRun check = CliRun.run("check", mixed.toString());
        assertThat(check.out()).contains("FAIL   notes");
        assertThat(check.err()).doesNotContain("treated as untrusted");
        CliRun http = CliRun.run("run", mixed.toString(), "--action", "call");
        assertThat(http.err()).doesNotContain("treated as untrusted");
        CliRun shell = CliRun.run("run", mixed.toString(), "--action", "write");
        assertThat(shell.err()).contains("treated as untrusted");
    }

    @Test
    void aLookupDoesNotCreateTheStore() {
        CliRun r = CliRun.run("test", pack.toString());
        assertThat(r.code()).isEqualTo(ExitCode.FAILED);
        assertThat(r.err()).doesNotContain("untrusted");
        assertThat(home.resolve("progress.db")).doesNotExist();
    }

    @Test
    void withoutPathOrWithPathAndListItIsAUsageError() {
        CliRun none = CliRun.run("trust");
        assertThat(none.code()).isEqualTo(ExitCode.INVALID);
        assertThat(none.err()).contains("labdesk: give the PATH of the pack to trust (or --list)", "Try 'labdesk trust --help'.");
        CliRun both = CliRun.run("trust", "--list", pack.toString());
        assertThat(both.code()).isEqualTo(ExitCode.INVALID);
        assertThat(both.err()).contains("--list takes no PATH");
        CliRun exclusive = CliRun.run("trust", pack.toString(), "--list", "--revoke");
        assertThat(exclusive.code()).isEqualTo(ExitCode.INVALID);
    }
}
