package app.detach.local;

/** Every TCP port the local stack listens on, with its default and what it is for. */
public enum Port {
    GATEWAY("gateway", 8080, "the gateway (web app and /api)"),
    JOURNAL("journal", 18081, "journal-service"),
    STREAK("streak", 18082, "streak-service"),
    CONTENT("content", 18083, "content-service"),
    NOTIFICATION("notification", 18084, "notification-service"),
    KEYCLOAK("keycloak", 18180, "Keycloak (HTTP)"),
    KEYCLOAK_MANAGEMENT("keycloak-management", 18190, "Keycloak (management: health, metrics)"),
    POSTGRES("postgres", 15432, "PostgreSQL"),
    KAFKA("kafka", 19092, "Kafka (broker listener)"),
    KAFKA_CONTROLLER("kafka-controller", 19093, "Kafka (KRaft controller listener)");

    private final String key;
    private final int defaultPort;
    private final String owner;

    Port(String key, int defaultPort, String owner) {
        this.key = key;
        this.defaultPort = defaultPort;
        this.owner = owner;
    }

    /** Name used in the flag ({@code --<key>-port}). */
    public String key() {
        return key;
    }

    public int defaultPort() {
        return defaultPort;
    }

    /** What wants this port, for error messages. */
    public String owner() {
        return owner;
    }

    public String flag() {
        return "--" + key + "-port";
    }

    public String envVar() {
        return "DETACH_" + key.toUpperCase().replace('-', '_') + "_PORT";
    }
}
