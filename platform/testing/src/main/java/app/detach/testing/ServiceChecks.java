package app.detach.testing;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItems;

/**
 * Checks every Detach service must pass, written once: how it refuses callers without a valid
 * token and what it serves for operations. Call them from a service's own {@code @QuarkusTest}.
 */
public final class ServiceChecks {

    private ServiceChecks() {
    }

    /** No token: 401 problem+json with a Bearer challenge; foreign, expired or forged tokens: 401. */
    public static void refusesCallersWithoutAValidToken(String path) {
        given().get(path)
                .then().statusCode(401)
                .contentType("application/problem+json")
                .header("WWW-Authenticate", containsString("Bearer"))
                .body("status", equalTo(401));
        given().auth().oauth2(TestTokens.wrongAudience("mallory")).get(path).then().statusCode(401);
        given().auth().oauth2(TestTokens.wrongIssuer("mallory")).get(path).then().statusCode(401);
        given().auth().oauth2(TestTokens.expired("mallory")).get(path).then().statusCode(401);
    }

    /** A user token on an admin route: 403 problem+json. */
    public static void refusesUsersWithoutTheAdminRole(String path) {
        given().auth().oauth2(TestTokens.user("not-an-admin")).get(path)
                .then().statusCode(403)
                .contentType("application/problem+json")
                .body("status", equalTo(403));
    }

    /** Readiness covers the database and Kafka; metrics and the OpenAPI document are served. */
    public static void servesHealthMetricsAndOpenApi(String documentedPath) {
        given().get("/q/health/live").then().statusCode(200).body("status", equalTo("UP"));
        given().get("/q/health/ready")
                .then().statusCode(200)
                .body("status", equalTo("UP"))
                .body("checks.name", hasItems(containsString("PostgreSQL"), containsString("Kafka")));
        given().get("/q/metrics").then().statusCode(200).body(containsString("jvm_memory_used_bytes"));
        given().get("/q/openapi").then().statusCode(200).body(containsString(documentedPath));
    }
}
