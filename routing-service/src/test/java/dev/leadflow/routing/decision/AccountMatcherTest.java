package dev.leadflow.routing.decision;

import static dev.leadflow.routing.decision.Fixtures.lead;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

class AccountMatcherTest {

    private static final Account ACME = new Account("acme", "Acme Inc.", Set.of("acme.example", "acme.de"), "carol");
    private static final Account GLOBEX = new Account("globex", "Globex Corporation", Set.of(), "bob");
    /** A (mis)configured account owning a free-mail domain: free mail must still never match. */
    private static final Account GMAIL_USER = new Account("gmail-user", "Someone", Set.of("gmail.com"), "alice");
    private static final List<Account> ACCOUNTS = List.of(GMAIL_USER, ACME, GLOBEX);
    private static final Set<String> FREE_MAIL = Set.of("gmail.com", "web.de");

    @Test
    void matchesTheCompanyEmailDomainIgnoringCase() {
        AccountCheck check = AccountMatcher.match(lead().email("Wile@ACME.de").build(), ACCOUNTS, FREE_MAIL);

        assertThat(check).isEqualTo(new AccountCheck("acme", "carol", "email domain acme.de belongs to account acme"));
    }

    @Test
    void neverMatchesAFreeMailDomainFlaggedByTheEvent() {
        AccountCheck check = AccountMatcher.match(lead().email("wile@gmail.com").freeMail(true).build(), ACCOUNTS,
                Set.of());

        assertThat(check.matched()).isFalse();
        assertThat(check.explanation()).startsWith("email domain gmail.com is free mail, not matched");
    }

    @Test
    void usesTheModelsFreeMailListWhenTheEventDoesNotSay() {
        assertThat(AccountMatcher.match(lead().email("wile@gmail.com").freeMail(null).build(), ACCOUNTS, FREE_MAIL)
                .matched()).isFalse();
    }

    @Test
    void trustsTheEventsFlagOverTheModelsList() {
        AccountCheck check = AccountMatcher.match(lead().email("wile@gmail.com").freeMail(false).build(), ACCOUNTS,
                FREE_MAIL);

        assertThat(check.accountId()).isEqualTo("gmail-user");
    }

    @Test
    void matchesTheNormalisedCompanyNameWhenTheDomainDoesNot() {
        AccountCheck check = AccountMatcher.match(lead().email("wile@gmail.com").company("ACME GmbH").build(),
                ACCOUNTS, FREE_MAIL);

        assertThat(check).isEqualTo(new AccountCheck("acme", "carol",
                "email domain gmail.com is free mail, not matched; company name matches account acme ('acme')"));
    }

    @Test
    void explainsWhyNothingMatched() {
        AccountCheck check = AccountMatcher.match(lead().email("ada@other.example").company("Initech LLC").build(),
                ACCOUNTS, FREE_MAIL);

        assertThat(check).isEqualTo(new AccountCheck(null, null,
                "email domain other.example matches no account; company name 'initech' matches no account"));
    }

    @Test
    void saysSoWhenTheLeadHasNoCompanyName() {
        assertThat(AccountMatcher.match(lead().email("ada@other.example").company(" ").build(), ACCOUNTS, FREE_MAIL)
                .explanation()).isEqualTo("email domain other.example matches no account; no company name");
    }

    @Test
    void normalisesCaseAndPunctuationAndDropsLegalSuffixes() {
        assertThat(AccountMatcher.normalise("ACME, Inc.")).isEqualTo("acme");
        assertThat(AccountMatcher.normalise("Acme GmbH")).isEqualTo("acme");
        assertThat(AccountMatcher.normalise("  Globex   Corporation ")).isEqualTo("globex");
        assertThat(AccountMatcher.normalise("Müller & Söhne Ltd.")).isEqualTo("müller söhne");
        assertThat(AccountMatcher.normalise("Initech, L.L.C.")).isEqualTo("initech");
        assertThat(AccountMatcher.normalise("Initech LLC")).isEqualTo("initech");
        assertThat(AccountMatcher.normalise(null)).isEmpty();
    }
}
