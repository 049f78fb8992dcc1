package dev.leadflow.capture.lead;

import dev.leadflow.events.LeadProfile;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Types;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.UUID;
import org.hibernate.Session;

/**
 * The email -> leadId identities and the lead's merged profile, table {@code lead_identity}. Plain JDBC on the
 * transaction's connection: the profile columns are mostly null, and JDBC binds nulls with their SQL types.
 */
@ApplicationScoped
public class LeadIdentityRepository {

    private final EntityManager entityManager;

    LeadIdentityRepository(EntityManager entityManager) {
        this.entityManager = entityManager;
    }

    /**
     * The leadId of {@code email} ({@code candidate} if the email is new, else the one it got first) and what is
     * known of the lead so far. One atomic statement, so concurrent first submissions of one email all get the same
     * leadId (the losers of the race wait for the winner's row, then update it); the row stays locked until the
     * transaction ends, so no other submission of this email can interleave before {@link #remember}. Must run in a
     * transaction.
     */
    public LeadIdentity identify(String email, UUID candidate) {
        return entityManager.unwrap(Session.class).doReturningWork(connection -> {
            try (PreparedStatement upsert = connection.prepareStatement("""
                    INSERT INTO lead_identity (email, lead_id) VALUES (?, ?)
                    ON CONFLICT (email) DO UPDATE
                        SET last_captured_at = clock_timestamp(), submissions = lead_identity.submissions + 1
                    RETURNING lead_id, (xmax = 0) AS inserted, first_name, last_name, company, job_title, phone,
                        country, company_size, industry, region, postal_code, consent_marketing, consent_text_version,
                        consented_at""")) {
                upsert.setString(1, email);
                upsert.setObject(2, candidate);
                try (ResultSet row = upsert.executeQuery()) {
                    row.next();
                    return new LeadIdentity(row.getObject("lead_id", UUID.class), !row.getBoolean("inserted"),
                            known(email, row));
                }
            }
        });
    }

    /** Stores the lead's merged profile; call after {@link #identify} in the same transaction. */
    public void remember(KnownLead lead) {
        entityManager.unwrap(Session.class).doWork(connection -> {
            try (PreparedStatement update = connection.prepareStatement("""
                    UPDATE lead_identity SET first_name = ?, last_name = ?, company = ?, job_title = ?, phone = ?,
                        country = ?, company_size = ?, industry = ?, consent_marketing = ?, consent_text_version = ?,
                        consented_at = ?, region = ?, postal_code = ?
                    WHERE email = ?""")) {
                LeadProfile profile = lead.profile();
                update.setString(1, profile.firstName());
                update.setString(2, profile.lastName());
                update.setString(3, profile.company());
                update.setString(4, profile.jobTitle());
                update.setString(5, profile.phone());
                update.setString(6, profile.country());
                update.setString(7, profile.companySize());
                update.setString(8, profile.industry());
                MarketingConsent consent = lead.consent();
                if (consent == null) {
                    update.setNull(9, Types.BOOLEAN);
                    update.setNull(10, Types.VARCHAR);
                    update.setNull(11, Types.TIMESTAMP_WITH_TIMEZONE);
                } else {
                    update.setBoolean(9, consent.granted());
                    update.setString(10, consent.textVersion());
                    update.setObject(11, consent.consentedAt() == null ? null
                            : consent.consentedAt().atOffset(ZoneOffset.UTC), Types.TIMESTAMP_WITH_TIMEZONE);
                }
                update.setString(12, profile.region());
                update.setString(13, profile.postalCode());
                update.setString(14, profile.email());
                update.executeUpdate();
            }
        });
    }

    private static KnownLead known(String email, ResultSet row) throws SQLException {
        LeadProfile profile = new LeadProfile(email, row.getString("first_name"), row.getString("last_name"),
                row.getString("company"), row.getString("job_title"), row.getString("phone"), row.getString("country"),
                row.getString("company_size"), row.getString("industry"), row.getString("region"),
                row.getString("postal_code"));
        Boolean granted = row.getObject("consent_marketing", Boolean.class);
        OffsetDateTime consentedAt = row.getObject("consented_at", OffsetDateTime.class);
        MarketingConsent consent = granted == null ? null : new MarketingConsent(granted,
                row.getString("consent_text_version"), consentedAt == null ? null : consentedAt.toInstant());
        return new KnownLead(profile, consent);
    }

    /** A lead's id, whether the email had been captured before, and what was known of the lead until now. */
    public record LeadIdentity(UUID leadId, boolean returning, KnownLead known) {
    }
}
