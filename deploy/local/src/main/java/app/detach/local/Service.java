package app.detach.local;

/** The Quarkus applications of the stack: Maven module directory, database and HTTP port. */
public enum Service {
    JOURNAL("journal-service", "journal", Port.JOURNAL),
    STREAK("streak-service", "streak", Port.STREAK),
    CONTENT("content-service", "content", Port.CONTENT),
    NOTIFICATION("notification-service", "notification", Port.NOTIFICATION),
    GATEWAY("gateway", null, Port.GATEWAY);

    private final String module;
    private final String database;
    private final Port port;

    Service(String module, String database, Port port) {
        this.module = module;
        this.database = database;
        this.port = port;
    }

    /** Module directory under the repository root, also the child's name in logs. */
    public String module() {
        return module;
    }

    /** Database (and role) name, or null for the gateway, which has none. */
    public String database() {
        return database;
    }

    public Port port() {
        return port;
    }

    /** Accepts "journal", "journal-service" or "JOURNAL". */
    public static Service parse(String name) {
        for (Service service : values()) {
            if (service.module.equalsIgnoreCase(name) || service.name().equalsIgnoreCase(name)) {
                return service;
            }
        }
        throw new StackException("unknown service '" + name + "' (one of journal, streak, content, notification, gateway)");
    }
}
