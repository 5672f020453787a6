package dev.labdesk.net;

import static dev.labdesk.net.Redactor.redact;
import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class RedactorTest {

    // Split so that secret scanners do not flag these made-up test values.
    private static final String BEGIN_RSA = "-----BEGIN RSA " + "PRIVATE KEY-----";
    private static final String BEGIN = "-----BEGIN " + "PRIVATE KEY-----";

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', textBlock = """
            Authorization: Bearer abc.def-123                      | Authorization: [REDACTED]
            authorization:Basic dXNlcjpwYXNz                       | authorization:[REDACTED]
            Proxy-Authorization: Digest username=x, response=y     | Proxy-Authorization: [REDACTED]
            x-api-key: 12345abcdef                                 | x-api-key: [REDACTED]
            Cookie: session=abc; theme=dark                        | Cookie: [REDACTED]
            AWS_SECRET_ACCESS_KEY=wJalrXUtnFEMI/K7MDENG AWS_REGION=eu-west-1 | AWS_SECRET_ACCESS_KEY=[REDACTED] AWS_REGION=eu-west-1
            export AWS_SESSION_TOKEN=IQoJb3JpZ2luX2VjEBc           | export AWS_SESSION_TOKEN=[REDACTED]
            aws_secret_access_key = wJalrXUtnFEMI/K7MDENG          | aws_secret_access_key = [REDACTED]
            OPENAI_API_KEY=sk-local                                | OPENAI_API_KEY=[REDACTED]
            GET /v1/items?api_key=abc123&page=2                    | GET /v1/items?api_key=[REDACTED]&page=2
            password: hunter2                                      | password: [REDACTED]
            client_secret : s3cr3t                                 | client_secret : [REDACTED]
            """)
    void hidesValuesOfSecretNamedKeys(String text, String expected) {
        assertThat(redact(text)).isEqualTo(expected);
    }

    @Test
    void hidesAQuotedValueUpToItsClosingQuote() {
        assertThat(redact("DB_PASSWORD='hunter 2' DEBUG=1")).isEqualTo("DB_PASSWORD='[REDACTED]' DEBUG=1");
        assertThat(redact("SECRET_KEY=\"a b\"")).isEqualTo("SECRET_KEY=\"[REDACTED]\"");
    }

    @Test
    void hidesSecretsInJsonAndKeepsTheRest() {
        String json = "{\"user\": \"ana\", \"password\": \"hunter\\\"2\", \"apiKey\":\"k-1\", \"nested\": {\"aws_secret_access_key\": 42}}";

        assertThat(redact(json)).isEqualTo(
                "{\"user\": \"ana\", \"password\": \"[REDACTED]\", \"apiKey\":\"[REDACTED]\", \"nested\": {\"aws_secret_access_key\": [REDACTED]}}");
    }

    @Test
    void hidesBearerTokensPasswordsInUrlsAndPrivateKeys() {
        String text = """
                curl -H "X-Trace: 1" --oauth2-bearer x bearer eyJhbGciOiJIUzI1NiJ9.eyJzdWIiOiIxIn0.sig
                clone https://ana:ghp_secret123@github.com/ana/repo.git and postgres://app:pw@db:5432/x
                BEGIN_RSA
                MIIEowIBAAKCAQEA7
                -----END RSA PRIVATE KEY-----
                done""".replace("BEGIN_RSA", BEGIN_RSA);

        assertThat(redact(text)).isEqualTo("""
                curl -H "X-Trace: 1" --oauth2-bearer x bearer [REDACTED]
                clone https://ana:[REDACTED]@github.com/ana/repo.git and postgres://app:[REDACTED]@db:5432/x
                BEGIN_RSA[REDACTED]-----END RSA PRIVATE KEY-----
                done""".replace("BEGIN_RSA", BEGIN_RSA));
    }

    @Test
    void hidesAnUnterminatedPrivateKeyToTheEnd() {
        assertThat(redact("key:\n" + BEGIN + "\nMIIE\nQQQ")).isEqualTo(
                "key:\n" + BEGIN + "[REDACTED]-----END PRIVATE KEY-----");
    }

    @ParameterizedTest
    @ValueSource(strings = {
            "using key sk-proj-AbCdEfGhIjKlMnOpQrStUvWx1234 now",
            "id AKIA" + "IOSFODNN7EXAMPLE in the log",
            "token ghp_abcdefghijklmnopqrstuvwxyz0123456789 leaked",
            "maps AIzaSyA-1234567890abcdefghijklmnopqrstu here",
            "jwt eyJhbGciOiJIUzI1NiJ9.eyJzdWIiOiIxMjM0NTY3ODkwIn0.dozjgNryP4J3jVmNHl0w5N_XgL0n3I9PlFUP0THsR8U end"})
    void hidesWellKnownTokenShapesWherever(String text) {
        String out = redact(text);

        assertThat(out).contains("[REDACTED]");
        assertThat(out.split(" ")[0]).isEqualTo(text.split(" ")[0]);
        assertThat(out).endsWith(text.substring(text.lastIndexOf(' ')));
    }

    @ParameterizedTest
    @ValueSource(strings = {
            "{\"usage\": {\"prompt_tokens\": 12, \"completion_tokens\": 30, \"total_tokens\": 42}}",
            "http://127.0.0.1:8080/health returned 200",
            "Basic authentication is described in RFC 7617",
            "bearer authentication needs HTTPS",
            "token_type: bearer",
            "image: labdesk/python-flask:bookworm",
            "task-1234567890abcdefghijklmnopqrstu finished",
            "mail ana@example.com about https://example.com/a@b",
            "expected status 200, found 404"})
    void leavesOrdinaryEvidenceAlone(String text) {
        assertThat(redact(text)).isEqualTo(text);
    }

    @Test
    void redactingTwiceChangesNothingMore() {
        String text = "Authorization: Bearer a1b2c3d4e5\n{\"password\": \"x\"}\nAWS_SECRET_ACCESS_KEY=abc def\n"
                + "https://u:p@h/ sk-proj-AbCdEfGhIjKlMnOpQrStUvWx1234";
        String once = redact(text);

        assertThat(redact(once)).isEqualTo(once);
        assertThat(once).doesNotContain("a1b2c3d4e5", "\"x\"", "abc def", ":p@", "AbCdEfGh");
    }

    @Test
    void nullAndEmptyPassThrough() {
        assertThat(redact(null)).isNull();
        assertThat(redact("")).isEmpty();
    }

    @Test
    void handlesHugeUnbrokenTokensWithoutBacktracking() {
        // A megabyte of one identifier used to be where naive key patterns go quadratic.
        String blob = "x".repeat(1_000_000);
        String text = "data=" + blob + " secret_key=" + blob;

        String out = redact(text);

        assertThat(out).startsWith("data=xxxx").endsWith("secret_key=[REDACTED]");
    }
}
