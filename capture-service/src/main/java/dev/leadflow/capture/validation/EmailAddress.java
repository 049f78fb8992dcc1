package dev.leadflow.capture.validation;

import java.util.regex.Pattern;

/**
 * Syntax of the email addresses accepted at intake: an RFC 5321 dot-atom local part and a DNS host name with a
 * top-level domain, ASCII only. Quoted local parts and IP-literal domains are legal but never typed into a
 * marketing form, so they are rejected.
 */
public final class EmailAddress {

    public static final int MAX_LENGTH = 254;
    public static final int MAX_LOCAL_PART_LENGTH = 64;

    private static final String ATOM = "[A-Za-z0-9!#$%&'*+/=?^_`{|}~-]+";
    private static final String LABEL = "[A-Za-z0-9](?:[A-Za-z0-9-]{0,61}[A-Za-z0-9])?";
    private static final String TOP_LEVEL = "(?:[A-Za-z]{2,63}|xn--[A-Za-z0-9-]{1,59})";
    private static final Pattern SYNTAX = Pattern.compile(
            ATOM + "(?:\\." + ATOM + ")*@(?:" + LABEL + "\\.)+" + TOP_LEVEL);

    private EmailAddress() {
    }

    public static boolean hasValidSyntax(String email) {
        return SYNTAX.matcher(email).matches();
    }

    /** True when the part before the last {@code @} fits the RFC 5321 limit (or there is no {@code @}). */
    public static boolean localPartFits(String email) {
        int at = email.lastIndexOf('@');
        return at < 0 || at <= MAX_LOCAL_PART_LENGTH;
    }

    /** The domain part, lower-cased by the caller's normalisation; empty when there is no {@code @}. */
    public static String domain(String email) {
        return email.substring(email.lastIndexOf('@') + 1);
    }
}
