package dev.leadflow.routing.decision;

import java.time.DayOfWeek;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/** Test data for the pure engine: reps, leads and models built in one line each. */
final class Fixtures {

    /** A Monday, 10:00 UTC (11:00 in Berlin, 05:00 in New York). */
    static final Instant MONDAY_10_UTC = Instant.parse("2026-11-23T10:00:00Z");
    static final ZoneId BERLIN = ZoneId.of("Europe/Berlin");
    static final ZoneId NEW_YORK = ZoneId.of("America/New_York");

    private Fixtures() {
    }

    /** A 24x7, unlimited, active rep of weight 100 in team {@code sales}. */
    static RepBuilder rep(String id) {
        return new RepBuilder(id);
    }

    /** Monday to Friday, 09:00-17:00 in {@code zone}. */
    static WorkingHours officeHours(ZoneId zone) {
        Map<DayOfWeek, List<WorkingHours.Window>> days = new EnumMap<>(DayOfWeek.class);
        for (DayOfWeek day : List.of(DayOfWeek.MONDAY, DayOfWeek.TUESDAY, DayOfWeek.WEDNESDAY, DayOfWeek.THURSDAY,
                DayOfWeek.FRIDAY)) {
            days.put(day, List.of(new WorkingHours.Window(LocalTime.of(9, 0), LocalTime.of(17, 0))));
        }
        return new WorkingHours(zone, days);
    }

    static LeadBuilder lead() {
        return new LeadBuilder();
    }

    static Rule rule(String id, RuleAction action, Condition... conditions) {
        return new Rule(id, List.of(conditions), action, null, null);
    }

    static RoutingModel model(List<Rep> reps, List<Rule> rules) {
        return model(reps, List.of(), List.of(), rules);
    }

    static RoutingModel model(List<Rep> reps, List<Account> accounts, List<Territory> territories, List<Rule> rules) {
        return new RoutingModel(7, reps, List.of(new Team("sales", "Sales"), new Team("emea", "EMEA")), accounts,
                territories, rules, "unassigned", Duration.ofMinutes(5), Set.of("gmail.com", "web.de"));
    }

    static RuleAction.ToTeam toSales(Distribution distribution) {
        return new RuleAction.ToTeam("sales", distribution);
    }

    static final class RepBuilder {
        private final String id;
        private Set<String> teams = Set.of("sales");
        private int weight = 100;
        private Capacity capacity = Capacity.UNLIMITED;
        private WorkingHours hours = WorkingHours.always(ZoneOffset.UTC);
        private final List<Absence> absences = new ArrayList<>();
        private boolean active = true;

        private RepBuilder(String id) {
            this.id = id;
        }

        RepBuilder teams(String... teams) {
            this.teams = Set.of(teams);
            return this;
        }

        RepBuilder weight(int weight) {
            this.weight = weight;
            return this;
        }

        RepBuilder capacity(Integer maxOpenLeads, Integer maxPerDay) {
            this.capacity = new Capacity(maxOpenLeads, maxPerDay);
            return this;
        }

        RepBuilder hours(WorkingHours hours) {
            this.hours = hours;
            return this;
        }

        RepBuilder away(Instant from, Instant until) {
            absences.add(new Absence(from, until));
            return this;
        }

        RepBuilder inactive() {
            this.active = false;
            return this;
        }

        Rep build() {
            String name = Character.toUpperCase(id.charAt(0)) + id.substring(1);
            return new Rep(id, name, id + "@leadflow.example", "https://meet.example/" + id, teams, weight, capacity,
                    hours, absences, active);
        }
    }

    static final class LeadBuilder {
        private String email = "ada@analytical.example";
        private String company;
        private String jobTitle = "VP Engineering";
        private String country = "GB";
        private String region;
        private String postalCode;
        private String companySize = "1000+";
        private String industry = "software";
        private Integer score = 120;
        private String grade;
        private String formId = "demo-request";
        private String utmSource;
        private Boolean freeMail;

        LeadBuilder email(String email) {
            this.email = email;
            return this;
        }

        LeadBuilder company(String company) {
            this.company = company;
            return this;
        }

        LeadBuilder jobTitle(String jobTitle) {
            this.jobTitle = jobTitle;
            return this;
        }

        LeadBuilder country(String country) {
            this.country = country;
            return this;
        }

        LeadBuilder region(String region) {
            this.region = region;
            return this;
        }

        LeadBuilder postalCode(String postalCode) {
            this.postalCode = postalCode;
            return this;
        }

        LeadBuilder companySize(String companySize) {
            this.companySize = companySize;
            return this;
        }

        LeadBuilder score(Integer score) {
            this.score = score;
            return this;
        }

        LeadBuilder grade(String grade) {
            this.grade = grade;
            return this;
        }

        LeadBuilder utmSource(String utmSource) {
            this.utmSource = utmSource;
            return this;
        }

        LeadBuilder freeMail(Boolean freeMail) {
            this.freeMail = freeMail;
            return this;
        }

        Lead build() {
            return new Lead(email, company, jobTitle, country, region, postalCode, companySize, industry, score, grade,
                    formId, utmSource, null, null, freeMail);
        }
    }
}
