package app.detach.local;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ChildProcessTest {

    @TempDir
    Path tmp;

    @Test
    void stoppingAChildAlsoStopsWhatItSpawnedEvenIfItIgnoresSigterm() throws Exception {
        // like kc.sh: a shell that runs a long-lived grandchild; this one also ignores SIGTERM
        ChildProcess child = ChildProcess.start("wrapper",
                List.of("bash", "-c", "trap '' TERM; sleep 300 & echo started; wait"), Map.of(), tmp, tmp.resolve("logs/wrapper.log"));
        long deadline = System.nanoTime() + Duration.ofSeconds(10).toNanos();
        List<ProcessHandle> descendants;
        do {
            Thread.sleep(50);
            descendants = ProcessHandle.of(child.pid()).orElseThrow().descendants().toList();
        } while (descendants.isEmpty() && System.nanoTime() < deadline);
        assertFalse(descendants.isEmpty(), "the grandchild started");

        ChildProcess.stopAll(List.of(child), Duration.ofSeconds(1));

        assertFalse(child.isAlive());
        descendants.forEach(d -> assertFalse(d.isAlive(), "grandchild " + d.pid() + " is gone"));
        assertEquals("started", child.tail(5).get(0));
    }

    @Test
    void aFailingCommandReportsItsLogTail() {
        StackException e = assertThrows(StackException.class, () -> ChildProcess.run("format",
                List.of("bash", "-c", "echo first; echo 'it broke'; exit 3"), Map.of(), tmp, tmp.resolve("format.log"),
                Duration.ofSeconds(10)));
        assertTrue(e.getMessage().startsWith("format failed (exit code 3); see "), e.getMessage());
        assertEquals(List.of("first", "it broke"), e.detail());
    }
}
