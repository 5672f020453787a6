package dev.labdesk.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import javax.xml.parsers.DocumentBuilderFactory;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.w3c.dom.Document;
import org.w3c.dom.Element;

class JUnitXmlTest {

    @TempDir
    Path dir;

    private static Document parse(String xml) throws Exception {
        return DocumentBuilderFactory.newInstance().newDocumentBuilder()
                .parse(new ByteArrayInputStream(xml.getBytes(StandardCharsets.UTF_8)));
    }

    @Test
    void markupAndControlCharactersSurviveARoundTrip() throws Exception {
        String message = "expected: <b> & \"x\" 'y'\nactual: tab\there \u0000\u0007 bell \uD83D\uDE00";
        String xml = JUnitXml.render(List.of(new JUnitXml.Suite("pack/lab <1>", Instant.parse("2026-01-02T03:04:05.678Z"), List.of(
                new JUnitXml.Case("pack.lab", "check \"a\"", 0.0125, JUnitXml.Kind.FAILURE, message, "detail ]]> <x/> & done"),
                new JUnitXml.Case("pack.lab", "ok", 0, JUnitXml.Kind.PASSED, null, null),
                new JUnitXml.Case("pack.lab", "skipped", 0, JUnitXml.Kind.SKIPPED, "not trusted", null),
                new JUnitXml.Case("pack.lab", "broken", 0, JUnitXml.Kind.ERROR, "Docker is not running", "why")))));
        Document doc = parse(xml);
        Element suite = (Element) doc.getElementsByTagName("testsuite").item(0);
        assertThat(suite.getAttribute("name")).isEqualTo("pack/lab <1>");
        assertThat(suite.getAttribute("tests")).isEqualTo("4");
        assertThat(suite.getAttribute("failures")).isEqualTo("1");
        assertThat(suite.getAttribute("errors")).isEqualTo("1");
        assertThat(suite.getAttribute("skipped")).isEqualTo("1");
        assertThat(suite.getAttribute("timestamp")).isEqualTo("2026-01-02T03:04:05");
        Element failure = (Element) doc.getElementsByTagName("failure").item(0);
        assertThat(failure.getAttribute("message"))
                .isEqualTo("expected: <b> & \"x\" 'y'\nactual: tab\there  bell \uD83D\uDE00");
        assertThat(failure.getTextContent()).isEqualTo("detail ]]> <x/> & done");
        assertThat(((Element) failure.getParentNode()).getAttribute("name")).isEqualTo("check \"a\"");
        assertThat(((Element) failure.getParentNode()).getAttribute("time")).isEqualTo("0.013");
        assertThat(((Element) doc.getElementsByTagName("skipped").item(0)).getAttribute("message")).isEqualTo("not trusted");
        assertThat(((Element) doc.getElementsByTagName("error").item(0)).getAttribute("message")).isEqualTo("Docker is not running");
    }

    @Test
    void writeCreatesTheFolderAndWritesUtf8() throws Exception {
        Path file = dir.resolve("out/reports/junit.xml");
        JUnitXml.write(file, List.of(new JUnitXml.Suite("s", Instant.now(),
                List.of(new JUnitXml.Case("c", "é", 0, JUnitXml.Kind.PASSED, null, null)))));
        Document doc = DocumentBuilderFactory.newInstance().newDocumentBuilder().parse(file.toFile());
        assertThat(((Element) doc.getElementsByTagName("testcase").item(0)).getAttribute("name")).isEqualTo("é");
        assertThat(Files.readString(file)).startsWith("<?xml version=\"1.0\" encoding=\"UTF-8\"?>");
    }
}
