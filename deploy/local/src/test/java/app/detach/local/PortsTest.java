package app.detach.local;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.util.List;
import org.junit.jupiter.api.Test;

class PortsTest {

    @Test
    void aPortSomethingListensOnIsAConflictNamingWhatWantedIt() throws IOException {
        try (ServerSocket busy = new ServerSocket()) {
            busy.bind(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0));
            int port = busy.getLocalPort();
            Ports ports = Ports.defaults().with(Port.KEYCLOAK, port);

            List<String> conflicts = ports.conflicts(List.of(Port.KEYCLOAK));

            assertEquals(1, conflicts.size());
            assertTrue(conflicts.get(0).startsWith("port " + port + " is already in use; Keycloak (HTTP) needs it"), conflicts.get(0));
            assertTrue(conflicts.get(0).contains("--keycloak-port"));
            assertTrue(conflicts.get(0).contains("DETACH_KEYCLOAK_PORT"));
            assertFalse(Ports.isFree(port));
        }
    }

    @Test
    void aFreePortIsNoConflict() throws IOException {
        int port;
        try (ServerSocket probe = new ServerSocket(0)) {
            port = probe.getLocalPort();
        }
        assertTrue(Ports.defaults().with(Port.GATEWAY, port).conflicts(List.of(Port.GATEWAY)).isEmpty());
    }

    @Test
    void twoComponentsOnOnePortAreAConflict() throws IOException {
        int port;
        try (ServerSocket probe = new ServerSocket(0)) {
            port = probe.getLocalPort();
        }
        Ports ports = Ports.defaults().with(Port.JOURNAL, port).with(Port.STREAK, port);

        List<String> conflicts = ports.conflicts(List.of(Port.JOURNAL, Port.STREAK));

        assertEquals(List.of("port " + port + " is configured twice: for journal-service and for streak-service"), conflicts);
    }

    @Test
    void onlyTheWantedPortsAreChecked() throws IOException {
        try (ServerSocket busy = new ServerSocket(0)) {
            Ports ports = Ports.defaults().with(Port.GATEWAY, busy.getLocalPort());
            assertTrue(ports.conflicts(List.of()).isEmpty());
        }
    }
}
