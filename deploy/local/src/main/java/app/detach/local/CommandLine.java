package app.detach.local;

import java.nio.file.Path;
import java.util.Map;

/** Turns the launcher's flags and environment variables into {@link StackOptions}. */
public final class CommandLine {

    /** Result of parsing: the options, or a request for the usage text. */
    public record Parsed(StackOptions options, boolean help) {
    }

    private CommandLine() {
    }

    public static Parsed parse(String[] args, Map<String, String> env) {
        StackOptions options = StackOptions.defaults();
        String dataDir = env.get("DETACH_DATA_DIR");
        if (dataDir != null && !dataDir.isBlank()) {
            options = options.withDataDir(Path.of(dataDir));
        }
        if ("true".equalsIgnoreCase(env.get("DETACH_FRESH"))) {
            options = options.fresh(true);
        }
        for (Port port : Port.values()) {
            String value = env.get(port.envVar());
            if (value != null && !value.isBlank()) {
                options = options.withPort(port, parsePort(value, port.envVar()));
            }
        }
        for (int i = 0; i < args.length; i++) {
            String arg = args[i];
            String name = arg;
            String value = null;
            int eq = arg.indexOf('=');
            if (arg.startsWith("--") && eq > 0) {
                name = arg.substring(0, eq);
                value = arg.substring(eq + 1);
            }
            switch (name) {
                case "-h", "--help" -> {
                    return new Parsed(options, true);
                }
                case "--fresh" -> options = options.fresh(true);
                case "--only-infra" -> options = options.onlyInfra();
                case "--data-dir" -> {
                    if (value == null) {
                        value = next(args, ++i, name);
                    }
                    options = options.withDataDir(Path.of(value));
                }
                case "--realm-file" -> {
                    if (value == null) {
                        value = next(args, ++i, name);
                    }
                    options = options.withRealmFile(Path.of(value));
                }
                case "--repo-root" -> {
                    if (value == null) {
                        value = next(args, ++i, name);
                    }
                    options = options.withRepoRoot(Path.of(value));
                }
                case "--skip" -> {
                    if (value == null) {
                        value = next(args, ++i, name);
                    }
                    for (String service : value.split(",")) {
                        options = options.without(Service.parse(service.trim()));
                    }
                }
                default -> {
                    Port port = portFlag(name);
                    if (port == null) {
                        throw new StackException("unknown option " + arg + " (see --help)");
                    }
                    if (value == null) {
                        value = next(args, ++i, name);
                    }
                    options = options.withPort(port, parsePort(value, name));
                }
            }
        }
        return new Parsed(options, false);
    }

    private static Port portFlag(String flag) {
        for (Port port : Port.values()) {
            if (port.flag().equals(flag)) {
                return port;
            }
        }
        return null;
    }

    private static String next(String[] args, int i, String flag) {
        if (i >= args.length || args[i].startsWith("--")) {
            throw new StackException(flag + " needs a value (see --help)");
        }
        return args[i];
    }

    private static int parsePort(String value, String source) {
        try {
            int port = Integer.parseInt(value.trim());
            if (port < 1 || port > 65535) {
                throw new NumberFormatException();
            }
            return port;
        } catch (NumberFormatException e) {
            throw new StackException(source + ": '" + value + "' is not a port number (1-65535)");
        }
    }

    public static String usage() {
        StringBuilder s = new StringBuilder();
        s.append("Usage: ./run.sh [--skip-build] [options]\n")
                .append("Starts PostgreSQL, Kafka, Keycloak, the four services and the gateway; Ctrl-C stops everything.\n\n")
                .append("  --data-dir DIR       data, logs and databases (env DETACH_DATA_DIR; default <repo>/.data)\n")
                .append("  --fresh              delete the data directory first (env DETACH_FRESH=true)\n")
                .append("  --only-infra         PostgreSQL, Kafka and Keycloak only (run a service in dev mode against them)\n")
                .append("  --skip SVC[,SVC]     do not start these services (journal, streak, content, notification, gateway)\n")
                .append("  --realm-file FILE    realm imported on Keycloak's first start (default deploy/keycloak/realm-detach-dev.json)\n")
                .append("  --repo-root DIR      the repository (default: found above the working directory)\n");
        for (Port port : Port.values()) {
            s.append(String.format("  %-30s %s (env %s; default %d)%n", port.flag() + " N", port.owner(), port.envVar(), port.defaultPort()));
        }
        return s.toString();
    }
}
