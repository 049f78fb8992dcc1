package dev.leadflow.capture.validation;

import com.google.i18n.phonenumbers.NumberParseException;
import com.google.i18n.phonenumbers.PhoneNumberUtil;
import com.google.i18n.phonenumbers.PhoneNumberUtil.PhoneNumberFormat;
import com.google.i18n.phonenumbers.Phonenumber.PhoneNumber;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * Phone numbers in E.164 form ({@code +442079460958}), read with Google's libphonenumber. A number without an
 * international prefix is read as a number of the lead's country. E.164 has no extensions, so an extension given
 * ({@code ext. 12}) is dropped.
 */
public final class PhoneNumbers {

    private static final PhoneNumberUtil PHONES = PhoneNumberUtil.getInstance();
    // Digits with the usual separators, an optional leading + and an optional extension ("x12", "ext. 12").
    // libphonenumber alone would also read letters ("1-800-FLOWERS"), which a lead form never means.
    private static final Pattern SYNTAX = Pattern.compile(
            "\\+?[0-9(][0-9 ().\\-/]*(?:\\s*(?:ext\\.?|x|#)\\s*[0-9]{1,6})?", Pattern.CASE_INSENSITIVE);
    private static final String UNKNOWN_REGION = "ZZ";

    private PhoneNumbers() {
    }

    /**
     * The E.164 form of {@code text}; empty when it is not a valid number (of {@code country}, when it has no
     * international prefix).
     *
     * @param country ISO 3166-1 alpha-2 code, or null when unknown: then only international numbers are valid
     */
    public static Optional<String> e164(String text, String country) {
        if (!SYNTAX.matcher(text).matches()) {
            return Optional.empty();
        }
        try {
            PhoneNumber number = PHONES.parse(text, country == null ? UNKNOWN_REGION : country);
            return PHONES.isValidNumber(number)
                    ? Optional.of(PHONES.format(number, PhoneNumberFormat.E164))
                    : Optional.empty();
        } catch (NumberParseException e) {
            return Optional.empty();
        }
    }
}
