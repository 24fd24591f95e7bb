package app.detach.k8s;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * deploy/keycloak/realm-detach.json is the one source of truth of the production realm; the
 * KeycloakRealmImport embeds a copy (kustomize cannot inline a JSON file into a field). This test keeps them
 * equal; {@code -Ddetach.k8s.syncRealm=true} rewrites the copy from the source.
 */
class RealmImportTest {

    private static final String MARKER = "  realm:\n";

    static Path source() {
        return Repo.root().resolve("deploy/keycloak/realm-detach.json");
    }

    static Path copy() {
        return Repo.k8s().resolve("infra/keycloak/realm-import.yaml");
    }

    @Test
    void theRealmImportIsTheProductionRealm() throws IOException {
        if (Boolean.getBoolean("detach.k8s.syncRealm")) {
            sync();
        }
        assertEquals(null, difference(source(), copy()));
    }

    @Test
    void aDriftedCopyIsReported(@TempDir Path temp) throws IOException {
        Path drifted = temp.resolve("realm-import.yaml");
        Files.writeString(drifted, Files.readString(copy()).replace("\"bruteForceProtected\" : true", "\"bruteForceProtected\" : false"));
        String difference = difference(source(), drifted);
        assertTrue(difference != null && difference.contains("spec.realm differs from deploy/keycloak/realm-detach.json")
                && difference.contains("-Ddetach.k8s.syncRealm=true"), String.valueOf(difference));
    }

    /** Null when the import's spec.realm equals the realm file, else the finding. */
    static String difference(Path source, Path copy) throws IOException {
        JsonNode realm = new ObjectMapper().readTree(source.toFile());
        JsonNode imported = Kustomize.YAML.readTree(copy.toFile()).path("spec").path("realm");
        return realm.equals(imported) ? null : K8sObject.display(copy) + ": spec.realm differs from "
                + K8sObject.display(source) + "; run ./mvnw -pl deploy/k8s verify -Ddetach.k8s.syncRealm=true";
    }

    @Test
    void theProductionRealmHasNoDemoAccountsAndTakesItsSecretsFromPlaceholders() throws IOException {
        JsonNode realm = Kustomize.YAML.readTree(copy().toFile()).path("spec");
        // the only account is the gateway client's service account (it removes erased users' accounts)
        for (JsonNode user : realm.path("realm").path("users")) {
            assertTrue(user.has("serviceAccountClientId") && !user.has("credentials"),
                    "no users in the production realm but service accounts: " + user.path("username"));
        }
        String text = realm.path("realm").toString();
        assertFalse(text.contains("detach-cli"), "no password-grant client");
        assertTrue(text.contains("${DETACH_GATEWAY_CLIENT_SECRET}") && text.contains("${DETACH_PUBLIC_URL}"), "placeholders");
        assertTrue(realm.path("placeholders").has("DETACH_GATEWAY_CLIENT_SECRET") && realm.path("placeholders").has("DETACH_PUBLIC_URL"),
                "every placeholder is mapped to a Secret key");
    }

    private static void sync() throws IOException {
        String yaml = Files.readString(copy());
        int at = yaml.indexOf(MARKER);
        if (at < 0) {
            throw new IllegalStateException(copy() + " has no line '  realm:'");
        }
        String json = new ObjectMapper().writerWithDefaultPrettyPrinter()
                .writeValueAsString(new ObjectMapper().readTree(source().toFile()));
        StringBuilder body = new StringBuilder();
        json.lines().forEach(line -> body.append("    ").append(line).append('\n'));
        Files.writeString(copy(), yaml.substring(0, at + MARKER.length()) + body);
    }
}
