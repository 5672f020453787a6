package dev.labdesk.pack;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class DurationsTest {

    @ParameterizedTest
    @CsvSource({"500ms,500", "30s,30000", "2m,120000", "1m30s,90000", "1h,3600000", "1.5s,1500", "10,10000",
            "' 5s ',5000", "0s,0"})
    void parsesWhatAuthorsWrite(String text, long millis) {
        assertThat(Durations.parse(text)).isEqualTo(Duration.ofMillis(millis));
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "soon", "30 s", "-5s", "5x", "1d", "s", "99999999999999999999999999h", "400d"})
    void rejectsAnythingElse(String text) {
        assertThat(Durations.parse(text)).isNull();
    }

    @Test
    void nullIsNoDuration() {
        assertThat(Durations.parse(null)).isNull();
    }

    @Test
    void rejectsDurationsLongerThanAYear() {
        assertThat(Durations.parse("9000h")).isNull();
        assertThat(Durations.parse("8000h")).isEqualTo(Duration.ofHours(8000));
    }

    @Test
    void formatsShortly() {
        assertThat(Durations.format(Duration.ofMillis(250))).isEqualTo("250ms");
        assertThat(Durations.format(Duration.ofSeconds(30))).isEqualTo("30s");
        assertThat(Durations.format(Duration.ofMillis(1500))).isEqualTo("1.5s");
        assertThat(Durations.format(Duration.ofSeconds(120))).isEqualTo("2m");
        assertThat(Durations.format(Duration.ofSeconds(90))).isEqualTo("1m30s");
    }
}
