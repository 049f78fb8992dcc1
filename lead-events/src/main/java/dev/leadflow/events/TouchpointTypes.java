package dev.leadflow.events;

import java.util.Set;

/** The values of {@link TouchpointRecorded#type()}: capture-service accepts these and no others. */
public final class TouchpointTypes {
    public static final String PAGE_VIEW = "page_view";
    /** A view of the pricing page, the strongest buying signal among page views (scoring's demo model). */
    public static final String PRICING_PAGE_VIEW = "pricing_page_view";
    public static final String FORM_SUBMIT = "form_submit";
    public static final String EMAIL_OPEN = "email_open";
    public static final String EMAIL_CLICK = "email_click";
    public static final String AD_CLICK = "ad_click";
    /** Registered for a webinar. */
    public static final String WEBINAR_REGISTERED = "webinar_registered";
    /** Attended a webinar. */
    public static final String WEBINAR_ATTENDED = "webinar_attended";
    /** A webinar interaction that does not say which (older clients; scoring's demo model scores it). */
    public static final String WEBINAR = "webinar";
    public static final String CONTENT_DOWNLOAD = "content_download";
    public static final String EVENT_ATTENDED = "event_attended";
    public static final String CHAT = "chat";
    public static final String MEETING_BOOKED = "meeting_booked";
    /** A form submission the form refused (validation error): a sign of friction, scored negatively by some models. */
    public static final String FORM_ERROR = "form_error";
    /** The visitor followed a tracked redirect (e.g. an outbound or download link). */
    public static final String REDIRECT = "redirect";

    /** Every accepted type. */
    public static final Set<String> ALL = Set.of(PAGE_VIEW, PRICING_PAGE_VIEW, FORM_SUBMIT, EMAIL_OPEN, EMAIL_CLICK,
            AD_CLICK, WEBINAR_REGISTERED, WEBINAR_ATTENDED, WEBINAR, CONTENT_DOWNLOAD, EVENT_ATTENDED, CHAT,
            MEETING_BOOKED, FORM_ERROR, REDIRECT);

    private TouchpointTypes() {
    }
}
