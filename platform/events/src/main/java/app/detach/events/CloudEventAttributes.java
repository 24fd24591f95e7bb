package app.detach.events;

/**
 * The CloudEvents 1.0 envelope shared by every event, and its Kafka binary-mode header names.
 * The attributes travel as {@code ce_*} headers; the record value is the bare JSON data.
 */
public final class CloudEventAttributes {

    public static final String SPEC_VERSION = "1.0";
    public static final String DATA_CONTENT_TYPE = "application/json";
    public static final String SOURCE_PREFIX = "/detach/";

    // Kafka binary content mode (CloudEvents Kafka protocol binding 1.0)
    public static final String HEADER_ID = "ce_id";
    public static final String HEADER_TYPE = "ce_type";
    public static final String HEADER_SOURCE = "ce_source";
    public static final String HEADER_SPEC_VERSION = "ce_specversion";
    public static final String HEADER_TIME = "ce_time";
    public static final String HEADER_SUBJECT = "ce_subject";
    /** {@code datacontenttype} maps to the plain {@code content-type} header, not to a ce_ one. */
    public static final String HEADER_CONTENT_TYPE = "content-type";

    private CloudEventAttributes() {
    }

    /**
     * The CloudEvents {@code source} of the events a service produces.
     *
     * @param service the producing module, e.g. {@code journal-service}
     * @return {@code /detach/<service>}, e.g. {@code /detach/journal-service}
     */
    public static String source(String service) {
        if (service == null || service.isBlank()) {
            throw new IllegalArgumentException("service must not be blank");
        }
        return SOURCE_PREFIX + service;
    }
}
