package app.detach.gateway;

import app.detach.testing.TestTokens;
import io.quarkus.test.junit.QuarkusTest;
import org.junit.jupiter.api.Test;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.containsInAnyOrder;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.nullValue;
import static org.hamcrest.Matchers.startsWith;

/** Who may call the API through the gateway, and how refusals look. */
@QuarkusTest
class ApiSecurityTest {

    @Test
    void apiWithoutCredentialsIs401ProblemNotARedirect() {
        given().redirects().follow(false)
                .when().get("/api/streak")
                .then().statusCode(401)
                .contentType("application/problem+json")
                .header("WWW-Authenticate", "Bearer")
                .header("Location", nullValue())
                .header("Set-Cookie", nullValue())
                .body("status", equalTo(401))
                .body("title", equalTo("Unauthorized"))
                .body("type", equalTo("https://detach.app/problems/unauthorized"))
                .body("instance", equalTo("/api/streak"));
    }

    @Test
    void apiWithoutCredentialsIs401EvenForAnAjaxPost() {
        given().redirects().follow(false)
                .header("X-Requested-With", "XMLHttpRequest")
                .header("X-Detach-Request", "1") // passes the CSRF guard, so authentication decides
                .contentType("application/json").body("{\"intensity\":3}")
                .when().post("/api/streak/urges")
                .then().statusCode(401)
                .contentType("application/problem+json");
    }

    @Test
    void meWithoutCredentialsIs401Problem() {
        given().redirects().follow(false)
                .when().get("/api/me")
                .then().statusCode(401)
                .contentType("application/problem+json");
    }

    @Test
    void expiredForeignOrGarbageTokensAre401Problem() {
        for (String token : new String[] {
                TestTokens.expired("u-expired"),
                TestTokens.wrongIssuer("u-issuer"),
                TestTokens.wrongAudience("u-audience"),
                "not-a-jwt" }) {
            given().auth().oauth2(token)
                    .when().get("/api/streak")
                    .then().statusCode(401)
                    .contentType("application/problem+json")
                    .body("status", equalTo(401));
        }
    }

    @Test
    void meReturnsTheUserFromTheToken() {
        given().auth().oauth2(TestTokens.user("user-me-1"))
                .when().get("/api/me")
                .then().statusCode(200)
                .contentType("application/json")
                .body("userId", equalTo("user-me-1"))
                .body("name", equalTo("Test User user-me-1"))
                .body("email", equalTo("user-me-1@example.com"))
                .body("roles", contains("user"));
    }

    @Test
    void meListsAdminRole() {
        given().auth().oauth2(TestTokens.admin("admin-me-1"))
                .when().get("/api/me")
                .then().statusCode(200)
                .body("roles", containsInAnyOrder("user", "admin"));
    }

    @Test
    void adminApiIs403ProblemForAUser() {
        given().auth().oauth2(TestTokens.user("user-403"))
                .when().get("/api/admin/content/articles")
                .then().statusCode(403)
                .contentType("application/problem+json")
                .body("status", equalTo(403))
                .body("title", equalTo("Forbidden"))
                .body("instance", equalTo("/api/admin/content/articles"));
        given().auth().oauth2(TestTokens.user("user-403"))
                .contentType("application/json").body("{}")
                .when().post("/api/admin/notifications/broadcast")
                .then().statusCode(403)
                .contentType("application/problem+json");
    }

    @Test
    void adminApiPassesThroughForAnAdmin() {
        String token = TestTokens.admin("admin-1");
        given().auth().oauth2(token)
                .when().get("/api/admin/notifications/dead-letters")
                .then().statusCode(200)
                .body("path", equalTo("/api/admin/notifications/dead-letters"))
                .body("authorization", equalTo("Bearer " + token));
    }

    @Test
    void probesMetricsAndOpenApiNeedNoLogin() {
        given().redirects().follow(false).when().get("/q/health/ready").then().statusCode(200);
        given().redirects().follow(false).when().get("/q/health/live").then().statusCode(200);
        given().redirects().follow(false).when().get("/q/metrics").then().statusCode(200);
        given().redirects().follow(false).when().get("/q/openapi").then().statusCode(200)
                .body(startsWith("---"));
    }
}
