package dev.leadflow.reporting.funnel;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import org.junit.jupiter.api.Test;

class ReportWindowTest {

    private static final Instant JAN = Instant.parse("2026-01-01T00:00:00Z");
    private static final Instant FEB = Instant.parse("2026-02-01T00:00:00Z");

    @Test
    void acceptsOpenAndClosedWindows() {
        assertThat(new ReportWindow(JAN, FEB).from()).isEqualTo(JAN);
        assertThat(new ReportWindow(null, FEB).to()).isEqualTo(FEB);
        assertThat(new ReportWindow(JAN, null).from()).isEqualTo(JAN);
        assertThat(ReportWindow.ALL_TIME.from()).isNull();
    }

    @Test
    void rejectsAWindowThatDoesNotEndAfterItStarts() {
        assertThatThrownBy(() -> new ReportWindow(FEB, JAN)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new ReportWindow(JAN, JAN)).isInstanceOf(IllegalArgumentException.class);
    }
}
