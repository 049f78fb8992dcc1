package dev.leadflow.reporting;

import static io.restassured.RestAssured.given;

import java.util.Arrays;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** One scrape of {@code /q/metrics}, read the way Prometheus reads it. */
public record PrometheusScrape(String text) {

    private static final Pattern SAMPLE = Pattern.compile("^([a-zA-Z_:][a-zA-Z0-9_:]*)(\\{(.*)})? (\\S+)$");

    public static PrometheusScrape now() {
        return new PrometheusScrape(given().accept("text/plain").get("/q/metrics").then().statusCode(200)
                .extract().asString());
    }

    /** The declared type of a metric family ({@code counter}, {@code histogram}, ...), or null. */
    public String type(String family) {
        return lines().stream().filter(l -> l.startsWith("# TYPE " + family + " "))
                .map(l -> l.substring(("# TYPE " + family + " ").length())).findFirst().orElse(null);
    }

    /** The value of the sample whose labels include every {@code name="value"} pair given, or 0 when absent. */
    public double value(String sample, String... labels) {
        return samples(sample, labels).stream().mapToDouble(Double::parseDouble).findFirst().orElse(0);
    }

    /** The {@code le} bounds of a histogram's buckets for the given labels, in exposition order. */
    public List<String> bucketBounds(String family, String... labels) {
        return lines().stream().map(SAMPLE::matcher).filter(Matcher::matches)
                .filter(m -> m.group(1).equals(family + "_bucket") && hasLabels(m.group(3), labels))
                .map(m -> label(m.group(3), "le")).toList();
    }

    private List<String> samples(String sample, String... labels) {
        return lines().stream().map(SAMPLE::matcher).filter(Matcher::matches)
                .filter(m -> m.group(1).equals(sample) && hasLabels(m.group(3), labels))
                .map(m -> m.group(4)).toList();
    }

    private List<String> lines() {
        return Arrays.asList(text.split("\n"));
    }

    private static boolean hasLabels(String actual, String... expected) {
        return Arrays.stream(expected).allMatch(pair -> actual != null && actual.contains(pair));
    }

    private static String label(String labels, String name) {
        Matcher m = Pattern.compile(name + "=\"([^\"]*)\"").matcher(labels);
        return m.find() ? m.group(1) : null;
    }
}
