package app.detach.system;

import io.restassured.RestAssured;
import io.restassured.http.ContentType;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import java.net.URI;
import java.net.http.HttpResponse;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.anyOf;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.greaterThanOrEqualTo;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.notNullValue;
import static org.hamcrest.Matchers.startsWith;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The walking skeleton end to end: the real Keycloak login form, the gateway's session, and one
 * route of each service answering through the gateway with the user's identity.
 */
@ExtendWith(Stack.class)
class WalkingSkeletonIT {

    private static URI gateway;

    @BeforeAll
    static void stack() {
        gateway = URI.create(Stack.get().gatewayUrl());
    }

    @Test
    void browserSignsInThroughKeycloakAndSeesItself() {
        BrowserSession browser = new BrowserSession(gateway);

        HttpResponse<String> landing = browser.signIn("demo", "demo");

        assertEquals(200, landing.statusCode(), "after sign-in the browser lands on the gateway");
        assertEquals(gateway.getAuthority(), landing.uri().getAuthority());
        HttpResponse<String> me = browser.get("/api/me");
        assertEquals(200, me.statusCode());
        assertTrue(me.body().contains("\"name\":\"Demo User\""), me.body());
        assertTrue(me.body().contains("\"email\":\"demo@detach.local\""), me.body());
    }

    @Test
    void everyServiceAnswersThroughTheGatewayForASignedInBrowser() {
        BrowserSession browser = new BrowserSession(gateway);
        browser.signIn("demo", "demo");

        assertEquals(200, browser.get("/api/journal/entries").statusCode());
        HttpResponse<String> streak = browser.get("/api/streak");
        assertEquals(404, streak.statusCode(), streak.body());
        assertTrue(streak.body().contains("No streak started yet"), streak.body());
        assertEquals(200, browser.get("/api/content/articles").statusCode());
        assertEquals(200, browser.get("/api/notifications/unread-count").statusCode());
    }

    @Test
    void apiClientWithABearerTokenReachesEveryService() {
        String token = Tokens.password("demo", "demo");

        given().auth().oauth2(token).get(gateway.resolve("/api/me"))
                .then().statusCode(200)
                .body("userId", notNullValue())
                .body("roles", hasItem("user"));
        // other system tests share the stack and the demo account, so only the shapes are asserted
        given().auth().oauth2(token).get(gateway.resolve("/api/journal/entries"))
                .then().statusCode(200).body("items", notNullValue());
        given().auth().oauth2(token).get(gateway.resolve("/api/streak"))
                .then().statusCode(anyOf(equalTo(200), equalTo(404)));
        given().auth().oauth2(token).get(gateway.resolve("/api/content/articles"))
                .then().statusCode(200);
        given().auth().oauth2(token).get(gateway.resolve("/api/notifications/unread-count"))
                .then().statusCode(200).body("count", greaterThanOrEqualTo(0));
    }

    @Test
    void withoutASessionApiCallsAre401AndPagesRedirectToKeycloak() {
        given().get(gateway.resolve("/api/me"))
                .then().statusCode(401).contentType("application/problem+json");
        given().get(gateway.resolve("/api/streak"))
                .then().statusCode(401).contentType("application/problem+json");
        given().redirects().follow(false).get(gateway.resolve("/"))
                .then().statusCode(302)
                .header("Location", startsWith(Stack.get().issuerUrl() + "/protocol/openid-connect/auth"))
                .header("Location", containsString("code_challenge_method=S256"));
    }

    @Test
    void adminRoutesNeedTheAdminRole() {
        given().auth().oauth2(Tokens.password("demo", "demo"))
                .get(gateway.resolve("/api/admin/content/articles"))
                .then().statusCode(403).contentType("application/problem+json");
        given().auth().oauth2(Tokens.password("admin", "admin"))
                .get(gateway.resolve("/api/admin/content/articles"))
                .then().statusCode(200).contentType(ContentType.JSON);
    }

    @Test
    void servicesRefuseTokensThatAreNotTheirs() {
        // Straight to a service, past the gateway: no token, then a forged one.
        String streak = Stack.get().serviceUrl(app.detach.local.Service.STREAK);
        RestAssured.given().get(streak + "/api/streak").then().statusCode(401);
        RestAssured.given().auth().oauth2("eyJhbGciOiJub25lIn0.eyJzdWIiOiJ4In0.")
                .get(streak + "/api/streak").then().statusCode(401);
    }
}
