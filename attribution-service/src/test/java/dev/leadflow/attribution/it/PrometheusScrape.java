package dev.leadflow.attribution.it;

import static io.restassured.RestAssured.given;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Reads a sample from the service's own {@code /q/metrics}, as Prometheus would scrape it. */
final class PrometheusScrape {

    private PrometheusScrape() {
    }

    /** The value of the series of {@code metric} whose labels include {@code label}, or 0 when it is absent. */
    static double value(String metric, String label) {
        String scrape = given().get("/q/metrics").then().statusCode(200).extract().asString();
        Matcher sample = Pattern.compile("^" + Pattern.quote(metric) + "\\{[^}]*" + Pattern.quote(label)
                + "[^}]*} (\\S+)$", Pattern.MULTILINE).matcher(scrape);
        return sample.find() ? Double.parseDouble(sample.group(1)) : 0;
    }

    static double touchpointsAttributed(boolean stitched) {
        return value("leadflow_touchpoints_attributed_total", "stitched=\"" + stitched + "\"");
    }
}
