package dev.leadflow.reporting.funnel.rest;

import dev.leadflow.reporting.funnel.FunnelReport;
import dev.leadflow.reporting.funnel.ReportWindow;
import dev.leadflow.reporting.funnel.StageCounts;
import java.time.Instant;
import java.util.List;

/**
 * The funnel as served: the window (null ends are open), how many leads captured in it reached each stage, and
 * the conversion rate between consecutive stages (null when the earlier stage has no lead).
 */
public record FunnelView(Instant from, Instant to, StageCounts counts, List<Conversion> conversions) {

    public record Conversion(String from, String to, Double rate) {
    }

    static FunnelView of(ReportWindow window, FunnelReport report) {
        List<Conversion> conversions = report.conversions().stream()
                .map(c -> new Conversion(c.from().label(), c.to().label(),
                        c.rate().isPresent() ? c.rate().getAsDouble() : null))
                .toList();
        return new FunnelView(window.from(), window.to(), report.counts(), conversions);
    }
}
