package app.detach.local;

import java.io.PrintStream;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/** {@code ./run.sh}: starts the local stack, prints where to go, and runs until Ctrl-C. */
public final class Launcher {

    private Launcher() {
    }

    public static void main(String[] args) {
        // quiet the launcher's own libraries (zonky, the Kafka readiness client); children log to files
        System.setProperty("org.slf4j.simpleLogger.defaultLogLevel", "warn");
        System.setProperty("org.slf4j.simpleLogger.log.org.apache.kafka", "off");
        System.exit(run(args, System.out, System.err));
    }

    static int run(String[] args, PrintStream out, PrintStream err) {
        LocalStack stack;
        try {
            CommandLine.Parsed parsed = CommandLine.parse(args, System.getenv());
            if (parsed.help()) {
                out.print(CommandLine.usage());
                return 0;
            }
            stack = LocalStack.start(parsed.options().withOutput(out));
        } catch (StackException e) {
            printError(err, e);
            return 1;
        } catch (RuntimeException e) {
            err.println("error: unexpected " + e + " (stack trace below)");
            e.printStackTrace(err);
            return 1;
        }
        out.print(banner(stack));
        out.flush();
        while (true) {
            Optional<ChildProcess> dead = stack.deadChild();
            if (dead.isPresent()) {
                ChildProcess child = dead.get();
                printError(err, new StackException(child.name() + " exited (code " + child.exitCode() + "); see " + child.logFile(),
                        child.tail(15)));
                stack.close();
                return 1;
            }
            try {
                Thread.sleep(1000);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                stack.close();
                return 130;
            }
        }
    }

    static void printError(PrintStream err, StackException e) {
        err.println("error: " + e.getMessage());
        for (String line : e.detail()) {
            err.println("  | " + line);
        }
        err.flush();
    }

    static String banner(LocalStack stack) {
        List<String> lines = new ArrayList<>();
        boolean services = !stack.options().services().isEmpty();
        lines.add("Detach is running (ready in " + Progress.seconds(stack.startupTime().toNanos()) + " s)");
        lines.add("");
        if (stack.options().services().contains(Service.GATEWAY)) {
            lines.add("Open          " + stack.gatewayUrl());
        } else if (!services) {
            lines.add("Infrastructure only: start a service in dev mode against it, e.g.");
            lines.add("  QUARKUS_HTTP_PORT=" + stack.ports().get(Port.JOURNAL) + " KAFKA_BOOTSTRAP_SERVERS=" + stack.kafkaBootstrapServers());
            lines.add("  QUARKUS_DATASOURCE_JDBC_URL=" + stack.jdbcUrl("journal") + " (user/password journal)");
            lines.add("  QUARKUS_OIDC_AUTH_SERVER_URL=" + stack.issuerUrl());
        }
        if (stack.options().infra().contains(StackOptions.Infra.KEYCLOAK)) {
            lines.add("Keycloak      " + stack.keycloakUrl() + "/admin  (master realm: admin / admin)");
            lines.add("Demo accounts demo / demo (user), admin / admin (user + admin)");
            lines.add("Token (CLI)   POST " + stack.tokenUrl());
            lines.add("              client_id=detach-cli grant_type=password username=demo password=demo");
        }
        if (stack.options().infra().contains(StackOptions.Infra.POSTGRES)) {
            lines.add("PostgreSQL    localhost:" + stack.postgresPort() + "  (database = user = password = journal|streak|content|notification)");
        }
        if (stack.options().infra().contains(StackOptions.Infra.KAFKA)) {
            lines.add("Kafka         " + stack.kafkaBootstrapServers());
        }
        lines.add("Logs          " + stack.logsDir());
        lines.add("");
        lines.add("Press Ctrl-C to stop everything.");
        int width = lines.stream().mapToInt(String::length).max().orElse(0);
        StringBuilder box = new StringBuilder();
        String rule = "+" + "-".repeat(width + 2) + "+\n";
        box.append(rule);
        for (String line : lines) {
            box.append("| ").append(line).append(" ".repeat(width - line.length())).append(" |\n");
        }
        box.append(rule);
        return box.toString();
    }
}
