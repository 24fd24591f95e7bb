package app.detach.local;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class RepoRootTest {

    @TempDir
    Path tmp;

    @Test
    void walksUpPastModulePomsThatOnlyNameDetachParentAsTheirParent() throws IOException {
        Path root = tmp.resolve("detach");
        Files.createDirectories(root.resolve("deploy/local/src/main"));
        Files.writeString(root.resolve("pom.xml"), """
                <project>
                  <groupId>app.detach</groupId>
                  <artifactId>detach-parent</artifactId>
                  <packaging>pom</packaging>
                </project>
                """);
        Files.writeString(root.resolve("deploy/local/pom.xml"), """
                <project>
                  <parent>
                    <groupId>app.detach</groupId>
                    <artifactId>detach-parent</artifactId>
                  </parent>
                  <artifactId>detach-local</artifactId>
                </project>
                """);

        assertEquals(Optional.of(root), RepoRoot.find(root.resolve("deploy/local/src/main")));
        assertEquals(Optional.of(root), RepoRoot.find(root));
    }

    @Test
    void aPomOfAnotherProjectIsNotTheRoot() throws IOException {
        Files.writeString(tmp.resolve("pom.xml"), """
                <project>
                  <!-- <artifactId>detach-parent</artifactId> in a comment does not count -->
                  <artifactId>something-else</artifactId>
                </project>
                """);
        assertTrue(RepoRoot.find(tmp).filter(p -> p.startsWith(tmp)).isEmpty());
    }

    @Test
    void findsThisRepositoryFromTheModuleDirectory() {
        Path root = RepoRoot.find(Path.of("")).orElseThrow();
        assertTrue(Files.isRegularFile(root.resolve("deploy/local/pom.xml")));
    }
}
