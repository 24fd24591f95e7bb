package app.detach.system;

import io.restassured.RestAssured;
import io.restassured.http.ContentType;

import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * Throwaway accounts in the real Keycloak, made with its admin API (the local stack's master-realm
 * administrator), for tests that must not touch the demo accounts, e.g. erasing an account.
 */
final class KeycloakUsers {

    private KeycloakUsers() {
    }

    /** A new, enabled user of the detach realm with a password; returns the username. */
    static String create(String prefix, String password) {
        String username = prefix + "-" + UUID.randomUUID().toString().substring(0, 8);
        Map<String, Object> user = Map.of(
                "username", username,
                "enabled", true,
                "firstName", "Test",
                "lastName", prefix,
                "email", username + "@detach.test",
                "emailVerified", true,
                "requiredActions", List.of(),
                "credentials", List.of(Map.of("type", "password", "value", password, "temporary", false)));
        RestAssured.given()
                .auth().oauth2(adminToken())
                .contentType(ContentType.JSON)
                .body(user)
                .post(Stack.get().keycloakUrl() + "/admin/realms/detach/users")
                .then().statusCode(201);
        return username;
    }

    /** Gives an existing user of the detach realm a realm role (e.g. {@code admin}). */
    static void grantRealmRole(String username, String role) {
        String admin = adminToken();
        String realm = Stack.get().keycloakUrl() + "/admin/realms/detach";
        Map<String, Object> roleRepresentation = RestAssured.given().auth().oauth2(admin)
                .get(realm + "/roles/" + role)
                .then().statusCode(200).extract().as(Map.class);
        RestAssured.given().auth().oauth2(admin)
                .contentType(ContentType.JSON)
                .body(List.of(roleRepresentation))
                .post(realm + "/users/" + id(admin, username) + "/role-mappings/realm")
                .then().statusCode(204);
    }

    /** How many accounts of the detach realm have exactly this username (0 once erased). */
    static int count(String username) {
        List<?> found = RestAssured.given().auth().oauth2(adminToken())
                .queryParam("username", username).queryParam("exact", true)
                .get(Stack.get().keycloakUrl() + "/admin/realms/detach/users")
                .then().statusCode(200).extract().as(List.class);
        return found.size();
    }

    /** A token of the local stack's master-realm administrator, for Keycloak's admin API. */
    static String adminAccessToken() {
        return adminToken();
    }

    private static String id(String admin, String username) {
        return RestAssured.given().auth().oauth2(admin)
                .queryParam("username", username).queryParam("exact", true)
                .get(Stack.get().keycloakUrl() + "/admin/realms/detach/users")
                .then().statusCode(200).extract().path("[0].id");
    }

    private static String adminToken() {
        return RestAssured.given()
                .formParam("grant_type", "password")
                .formParam("client_id", "admin-cli")
                .formParam("username", "admin")
                .formParam("password", "admin")
                .post(Stack.get().keycloakUrl() + "/realms/master/protocol/openid-connect/token")
                .then().statusCode(200)
                .extract().path("access_token");
    }
}
