package app.detach.testing;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;

import java.util.Set;

import org.junit.jupiter.api.Test;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;

/** quarkus-oidc, configured like a Detach service, accepts TestTokens and rejects the negative ones. */
@QuarkusTest
@QuarkusTestResource(OidcTestResource.class)
class OidcTestResourceTest {

    @Test
    void userTokenIsAccepted() {
        given().auth().oauth2(TestTokens.user("u-42")).get("/secured/me")
                .then().statusCode(200).body(equalTo("u-42 u-42@example.com"));
    }

    @Test
    void rolesDecideAccess() {
        given().auth().oauth2(TestTokens.user("u-42")).get("/secured/admin").then().statusCode(403);
        given().auth().oauth2(TestTokens.admin("a-1")).get("/secured/admin").then().statusCode(200);
        given().auth().oauth2(TestTokens.token("r-1", Set.of("admin"))).get("/secured/admin").then().statusCode(200);
    }

    @Test
    void invalidTokensAreRejected() {
        given().get("/secured/me").then().statusCode(401);
        given().auth().oauth2(TestTokens.expired("u-42")).get("/secured/me").then().statusCode(401);
        given().auth().oauth2(TestTokens.wrongAudience("u-42")).get("/secured/me").then().statusCode(401);
        given().auth().oauth2(TestTokens.wrongIssuer("u-42")).get("/secured/me").then().statusCode(401);
    }
}
