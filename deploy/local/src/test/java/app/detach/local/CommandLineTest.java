package app.detach.local;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.EnumSet;
import java.util.Map;
import org.junit.jupiter.api.Test;

class CommandLineTest {

    private static StackOptions parse(Map<String, String> env, String... args) {
        CommandLine.Parsed parsed = CommandLine.parse(args, env);
        assertFalse(parsed.help());
        return parsed.options();
    }

    @Test
    void defaultsAreTheDocumentedPortsAndTheWholeStack() {
        StackOptions options = parse(Map.of());
        assertEquals(8080, options.ports().get(Port.GATEWAY));
        assertEquals(18081, options.ports().get(Port.JOURNAL));
        assertEquals(18082, options.ports().get(Port.STREAK));
        assertEquals(18083, options.ports().get(Port.CONTENT));
        assertEquals(18084, options.ports().get(Port.NOTIFICATION));
        assertEquals(18180, options.ports().get(Port.KEYCLOAK));
        assertEquals(18190, options.ports().get(Port.KEYCLOAK_MANAGEMENT));
        assertEquals(15432, options.ports().get(Port.POSTGRES));
        assertEquals(19092, options.ports().get(Port.KAFKA));
        assertEquals(19093, options.ports().get(Port.KAFKA_CONTROLLER));
        assertFalse(options.isFresh());
        assertEquals(EnumSet.allOf(Service.class), options.services());
        assertEquals(EnumSet.allOf(StackOptions.Infra.class), options.infra());
    }

    @Test
    void flagsTakeValuesWithSpaceOrEquals() {
        StackOptions options = parse(Map.of(), "--fresh", "--data-dir", "/tmp/x", "--gateway-port=9090", "--kafka-port", "29092");
        assertTrue(options.isFresh());
        assertEquals(Path.of("/tmp/x"), options.dataDir());
        assertEquals(9090, options.ports().get(Port.GATEWAY));
        assertEquals(29092, options.ports().get(Port.KAFKA));
    }

    @Test
    void environmentSetsDefaultsAndFlagsWin() {
        Map<String, String> env = Map.of("DETACH_POSTGRES_PORT", "25432", "DETACH_KEYCLOAK_PORT", "28180",
                "DETACH_DATA_DIR", "/tmp/from-env", "DETACH_FRESH", "true");
        StackOptions options = parse(env, "--keycloak-port", "38180");
        assertEquals(25432, options.ports().get(Port.POSTGRES));
        assertEquals(38180, options.ports().get(Port.KEYCLOAK));
        assertEquals(Path.of("/tmp/from-env"), options.dataDir());
        assertTrue(options.isFresh());
    }

    @Test
    void onlyInfraAndSkipChooseTheServices() {
        assertTrue(parse(Map.of(), "--only-infra").services().isEmpty());
        assertEquals(EnumSet.of(Service.STREAK, Service.CONTENT, Service.NOTIFICATION),
                parse(Map.of(), "--skip", "journal,gateway").services());
        assertEquals(EnumSet.allOf(StackOptions.Infra.class), parse(Map.of(), "--only-infra").infra());
    }

    @Test
    void helpIsRecognised() {
        assertTrue(CommandLine.parse(new String[] {"--fresh", "--help"}, Map.of()).help());
        assertTrue(CommandLine.usage().contains("--kafka-controller-port"));
    }

    @Test
    void mistakesGiveOneLineErrors() {
        assertEquals("unknown option --frsh (see --help)",
                assertThrows(StackException.class, () -> parse(Map.of(), "--frsh")).getMessage());
        assertEquals("--gateway-port: 'abc' is not a port number (1-65535)",
                assertThrows(StackException.class, () -> parse(Map.of(), "--gateway-port", "abc")).getMessage());
        assertEquals("DETACH_KAFKA_PORT: '70000' is not a port number (1-65535)",
                assertThrows(StackException.class, () -> parse(Map.of("DETACH_KAFKA_PORT", "70000"))).getMessage());
        assertEquals("--data-dir needs a value (see --help)",
                assertThrows(StackException.class, () -> parse(Map.of(), "--data-dir")).getMessage());
        assertTrue(assertThrows(StackException.class, () -> parse(Map.of(), "--skip", "billing")).getMessage()
                .startsWith("unknown service 'billing'"));
    }
}
