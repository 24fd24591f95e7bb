package app.detach.events;

/**
 * The data of one event type: a record serialised as the CloudEvents data (JSON).
 * The two key methods are not record components, so Jackson does not write them.
 */
public interface EventData {

    /** The event type this data belongs to (gives ce_type, topic and schema). */
    EventType eventType();

    /** The Kafka record key: the userId, so one user's events stay in order (articleId for content events). */
    String partitionKey();

    /** The CloudEvents {@code subject}: the id of the thing the event is about (entry, streak, article…). */
    String subject();
}
