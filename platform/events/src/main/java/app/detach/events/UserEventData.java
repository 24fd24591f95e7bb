package app.detach.events;

/**
 * Data of an event about one user. Its Kafka key is the user's id, so all of one user's events
 * land on one partition and are consumed in the order they happened.
 */
public interface UserEventData extends EventData {

    /** The user's id: the Keycloak subject ({@code sub}). */
    String userId();

    @Override
    default String partitionKey() {
        return userId();
    }
}
