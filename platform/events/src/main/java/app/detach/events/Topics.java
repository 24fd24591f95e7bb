package app.detach.events;

import java.util.List;

/**
 * Kafka topic names of the event contract. The {@code .v1} suffix is the contract version:
 * a breaking change to any event of a topic means a new {@code .v2} topic, never an in-place edit.
 */
public final class Topics {

    public static final String JOURNAL = "detach.journal.v1";
    public static final String STREAK = "detach.streak.v1";
    public static final String CONTENT = "detach.content.v1";
    public static final String ACCOUNT = "detach.account.v1";

    /** Every topic of the contract, in the order of DESIGN.md. */
    public static final List<String> ALL = List.of(JOURNAL, STREAK, CONTENT, ACCOUNT);

    private Topics() {
    }

    /**
     * The dead-letter topic where {@code service} parks the records of {@code topic} it cannot
     * process: one per consumer, so a replay only reaches the consumer that failed.
     *
     * @return {@code <topic>.dlq.<service>}, e.g. {@code detach.streak.v1.dlq.notification-service}
     */
    public static String deadLetter(String topic, String service) {
        requireName(topic, "topic");
        requireName(service, "service");
        return topic + ".dlq." + service;
    }

    private static void requireName(String value, String what) {
        if (value == null || value.isBlank()) {
            throw new IllegalArgumentException(what + " must not be blank");
        }
    }
}
