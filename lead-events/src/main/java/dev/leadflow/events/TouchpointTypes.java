package dev.leadflow.events;

/** Well-known values of {@link TouchpointRecorded#type()}; other values are accepted and kept as they are. */
public final class TouchpointTypes {
    public static final String PAGE_VIEW = "page_view";
    public static final String PRICING_PAGE_VIEW = "pricing_page_view";
    public static final String FORM_SUBMIT = "form_submit";
    public static final String EMAIL_CLICK = "email_click";
    public static final String AD_CLICK = "ad_click";
    public static final String CONTENT_DOWNLOAD = "content_download";
    public static final String WEBINAR = "webinar";

    private TouchpointTypes() {
    }
}
