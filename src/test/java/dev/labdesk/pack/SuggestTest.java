package dev.labdesk.pack;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

class SuggestTest {

    private static final List<String> KINDS = List.of("file.exists", "file.contains", "file.json", "http.get", "http.post");

    @Test
    void suggestsTheClosestCandidateForATypo() {
        assertThat(Suggest.closest("file.exsts", KINDS)).isEqualTo("file.exists");
        assertThat(Suggest.closest("http.gte", KINDS)).isEqualTo("http.get");
        assertThat(Suggest.closest("FILE.JSON", KINDS)).isEqualTo("file.json");
    }

    @Test
    void suggestsTheCompletionOfAPrefix() {
        assertThat(Suggest.closest("file.cont", KINDS)).isEqualTo("file.contains");
    }

    @Test
    void suggestsNothingWhenNothingIsClose() {
        assertThat(Suggest.closest("kubernetes.pod", KINDS)).isNull();
        assertThat(Suggest.closest("", KINDS)).isNull();
        assertThat(Suggest.closest(null, KINDS)).isNull();
        assertThat(Suggest.closest("x".repeat(500), KINDS)).isNull();
        assertThat(Suggest.closest("abc", List.of())).isNull();
    }

    @Test
    void didYouMeanIsAPhraseOrNothing() {
        assertThat(Suggest.didYouMean("dockr", List.of("docker", "python"))).isEqualTo(" (did you mean 'docker'?)");
        assertThat(Suggest.didYouMean("zzz", List.of("docker"))).isEmpty();
    }

    @Test
    void distanceCountsATranspositionAsOneEdit() {
        assertThat(Suggest.distance("ab", "ba")).isEqualTo(1);
        assertThat(Suggest.distance("kitten", "sitting")).isEqualTo(3);
        assertThat(Suggest.distance("", "abc")).isEqualTo(3);
    }
}
