package app.detach.system;

import io.restassured.RestAssured;

/** Bearer tokens from the real Keycloak, as an API client gets them (dev realm's detach-cli client). */
final class Tokens {

    private Tokens() {
    }

    static String password(String username, String password) {
        return RestAssured.given()
                .formParam("grant_type", "password")
                .formParam("client_id", "detach-cli")
                .formParam("username", username)
                .formParam("password", password)
                .post(Stack.get().tokenUrl())
                .then().statusCode(200)
                .extract().path("access_token");
    }
}
