package dev.labdesk.trust;

import static org.assertj.core.api.Assertions.assertThat;

import dev.labdesk.testing.TestPacks;
import dev.labdesk.workspace.FileTrees;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class PackFingerprintTest {

    @TempDir
    Path dir;

    private Path pack;
    private String before;

    @BeforeEach
    void writePack() throws Exception {
        pack = dir.resolve("pack");
        TestPacks.write(pack.resolve("pack.yaml"), "id: t\ntitle: T\nversion: \"1\"\n");
        TestPacks.write(pack.resolve("01-l.md"), "---\nid: l\ntitle: L\n---\n\n## Step\n");
        TestPacks.write(pack.resolve("files/01-l/app.py"), "print('starter')\n");
        TestPacks.write(pack.resolve("files/01-l/.env"), "MODE=dev\n");
        TestPacks.write(pack.resolve("solutions/01-l/app.py"), "print('hello')\n");
        before = PackFingerprint.of(pack).value();
    }

    @Test
    void isASha256ThatCountsEveryRegularFile() throws Exception {
        PackFingerprint f = PackFingerprint.of(pack);
        assertThat(f.value()).matches("sha256:[0-9a-f]{64}");
        assertThat(f.shortValue()).isEqualTo(f.value().substring(0, 19));
        assertThat(f.files()).isEqualTo(5);
        assertThat(f.bytes()).isEqualTo(Files.walk(pack).filter(Files::isRegularFile).mapToLong(p -> p.toFile().length()).sum());
    }

    @Test
    void theSameContentInAnotherFolderHasTheSameFingerprint() throws Exception {
        Path copy = dir.resolve("elsewhere/pack");
        FileTrees.copy(pack, copy);
        assertThat(PackFingerprint.of(copy).value()).isEqualTo(before);
    }

    @Test
    void oneChangedByteInAStarterFileChangesIt() throws Exception {
        Files.writeString(pack.resolve("files/01-l/app.py"), "print('startes')\n");
        assertThat(PackFingerprint.of(pack).value()).isNotEqualTo(before);
    }

    @Test
    void aHiddenFileInTheStarterFilesCounts() throws Exception {
        Files.writeString(pack.resolve("files/01-l/.env"), "MODE=prod\n");
        assertThat(PackFingerprint.of(pack).value()).isNotEqualTo(before);
    }

    @Test
    void movingContentFromOneFileToAnotherChangesIt() throws Exception {
        Files.move(pack.resolve("solutions/01-l/app.py"), pack.resolve("solutions/01-l/main.py"));
        assertThat(PackFingerprint.of(pack).value()).isNotEqualTo(before);
    }

    @Test
    void anAddedEmptyFolderChangesIt() throws Exception {
        Files.createDirectories(pack.resolve("files/01-l/build"));
        assertThat(PackFingerprint.of(pack).value()).isNotEqualTo(before);
    }

    @Test
    void aSymbolicLinkCountsByItsTargetAndIsNeverFollowed() throws Exception {
        Path outside = TestPacks.write(dir.resolve("outside.txt"), "one");
        Files.createSymbolicLink(pack.resolve("files/01-l/link.txt"), outside);
        String withLink = PackFingerprint.of(pack).value();
        assertThat(withLink).isNotEqualTo(before);

        Files.writeString(outside, "two: what the link points to is not the pack's content");
        assertThat(PackFingerprint.of(pack).value()).isEqualTo(withLink);
        assertThat(PackFingerprint.of(pack).files()).isEqualTo(5);

        Files.delete(pack.resolve("files/01-l/link.txt"));
        Files.createSymbolicLink(pack.resolve("files/01-l/link.txt"), dir.resolve("other.txt"));
        assertThat(PackFingerprint.of(pack).value()).isNotEqualTo(withLink);
    }

    @Test
    void aLinkToThePackIsReadAsThePackItPointsTo() throws Exception {
        Path link = Files.createSymbolicLink(dir.resolve("link-to-pack"), pack);
        assertThat(PackFingerprint.of(link).value()).isEqualTo(before);
    }

    @Test
    void theTopGitFolderAndFinderFilesAreLeftOut() throws Exception {
        TestPacks.write(pack.resolve(".git/FETCH_HEAD"), "abc\n");
        TestPacks.write(pack.resolve(".DS_Store"), "finder");
        TestPacks.write(pack.resolve("files/01-l/.DS_Store"), "finder");
        assertThat(PackFingerprint.of(pack).value()).isEqualTo(before);

        TestPacks.write(pack.resolve("files/01-l/.git/hooks/pre-commit"), "#!/bin/sh\n");
        assertThat(PackFingerprint.of(pack).value()).as("a .git inside the starter files is copied into workspaces")
                .isNotEqualTo(before);
    }
}
