package dev.leadflow.scoring.model;

import dev.leadflow.events.LeadProfile;
import dev.leadflow.events.Utm;

/**
 * What fit rules look at: the lead's profile and the context of its latest form submission. A lead whose capture
 * has not arrived yet has {@link #UNKNOWN} facts (every field null), so only engagement can score it.
 */
public record LeadFacts(LeadProfile profile, Utm utm, String formId, String pageUrl, String referrer,
        boolean freeMailDomain, boolean disposableEmailDomain) {

    private static final LeadProfile NO_PROFILE = new LeadProfile(null, null, null, null, null, null, null, null, null);
    private static final Utm NO_UTM = new Utm(null, null, null, null, null);

    public static final LeadFacts UNKNOWN = new LeadFacts(NO_PROFILE, NO_UTM, null, null, null, false, false);

    public LeadFacts {
        profile = profile == null ? NO_PROFILE : profile;
        utm = utm == null ? NO_UTM : utm;
    }

    /** Facts of an address not flagged as disposable. */
    public LeadFacts(LeadProfile profile, Utm utm, String formId, String pageUrl, String referrer,
            boolean freeMailDomain) {
        this(profile, utm, formId, pageUrl, referrer, freeMailDomain, false);
    }

    /**
     * The facts after a capture: {@code newer}'s values win, but a value {@code newer} lacks (null or blank) never
     * erases one {@code older} knows. The free-mail and disposable flags follow the email they describe.
     */
    public static LeadFacts merge(LeadFacts older, LeadFacts newer) {
        LeadProfile o = older.profile();
        LeadProfile n = newer.profile();
        LeadProfile profile = new LeadProfile(
                pick(o.email(), n.email()),
                pick(o.firstName(), n.firstName()),
                pick(o.lastName(), n.lastName()),
                pick(o.company(), n.company()),
                pick(o.jobTitle(), n.jobTitle()),
                pick(o.phone(), n.phone()),
                pick(o.country(), n.country()),
                pick(o.companySize(), n.companySize()),
                pick(o.industry(), n.industry()),
                pick(o.region(), n.region()),
                pick(o.postalCode(), n.postalCode()));
        // UTM parameters describe one visit: mixing two campaigns' fields would describe none.
        Utm utm = isEmpty(newer.utm()) ? older.utm() : newer.utm();
        LeadFacts flags = isBlank(n.email()) ? older : newer;
        return new LeadFacts(profile, utm, pick(older.formId(), newer.formId()),
                pick(older.pageUrl(), newer.pageUrl()), pick(older.referrer(), newer.referrer()),
                flags.freeMailDomain(), flags.disposableEmailDomain());
    }

    private static String pick(String older, String newer) {
        return isBlank(newer) ? older : newer;
    }

    private static boolean isEmpty(Utm utm) {
        return isBlank(utm.source()) && isBlank(utm.medium()) && isBlank(utm.campaign()) && isBlank(utm.term())
                && isBlank(utm.content());
    }

    static boolean isBlank(String value) {
        return value == null || value.isBlank();
    }
}
