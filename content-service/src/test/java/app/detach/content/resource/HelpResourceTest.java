package app.detach.content.resource;

import app.detach.testing.ServiceChecks;
import app.detach.testing.TestTokens;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import org.junit.jupiter.api.Test;

import java.util.HashMap;
import java.util.Map;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.everyItem;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.hasItems;
import static org.hamcrest.Matchers.isOneOf;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.nullValue;

@QuarkusTest
class HelpResourceTest {

    private static final String READER = TestTokens.user("resource-reader");
    private static final String ADMIN = TestTokens.admin("resource-editor");
    private static final String ADMIN_PATH = "/api/admin/content/resources";

    @Test
    void readersGetTheirCountrysResourcesAndAlwaysTheEmergencyLine() {
        given().auth().oauth2(READER).get("/api/content/resources?country=gb")
                .then().statusCode(200)
                .body("country", equalTo("GB"))
                .body("emergency", containsString("emergency services"))
                .body("items.name", hasItems("Samaritans", "Find A Helpline"))
                .body("items.find { it.name == 'Samaritans' }.phone", equalTo("116 123"))
                .body("items.country", everyItem(isOneOf("GB", null)))
                .body("items[0].country", equalTo("GB"));
        given().auth().oauth2(READER).get("/api/content/resources?country=US")
                .then().statusCode(200)
                .body("items.find { it.country == 'US' }.phone", equalTo("988"));
        // a country we ship nothing for still gets the emergency line and the international directory
        given().auth().oauth2(READER).get("/api/content/resources?country=JP")
                .then().statusCode(200)
                .body("emergency", not(nullValue()))
                .body("items.name", equalTo(java.util.List.of("Find A Helpline")));
        given().auth().oauth2(READER).get("/api/content/resources")
                .then().statusCode(200).body("emergency", not(nullValue())).body("items.country", hasItems("GB", "US"));
    }

    @Test
    void aBadCountryIsA400() {
        given().auth().oauth2(READER).get("/api/content/resources?country=GBR")
                .then().statusCode(400).contentType("application/problem+json").body("errors.field", hasItem("country"));
        given().auth().oauth2(READER).get("/api/content/resources?country=1")
                .then().statusCode(400);
    }

    @Test
    void adminsEditResourcesAndEveryChangeIsAudited() {
        Map<String, Object> request = new HashMap<>();
        request.put("country", "FR");
        request.put("name", "A test line");
        request.put("description", "Only for this test.");
        request.put("url", "https://example.org/help");
        request.put("hours", "Weekdays");
        String id = given().auth().oauth2(ADMIN).contentType(ContentType.JSON).body(request).post(ADMIN_PATH)
                .then().statusCode(201).header("Location", containsString(ADMIN_PATH))
                .body("name", equalTo("A test line")).extract().path("id");
        given().auth().oauth2(READER).get("/api/content/resources?country=FR")
                .then().statusCode(200).body("items.name", hasItem("A test line"));

        request.put("name", "A renamed line");
        request.put("phone", "+33 1 23 45 67 89");
        given().auth().oauth2(ADMIN).contentType(ContentType.JSON).body(request).put(ADMIN_PATH + "/" + id)
                .then().statusCode(200).body("name", equalTo("A renamed line")).body("phone", equalTo("+33 1 23 45 67 89"));
        given().auth().oauth2(ADMIN).get(ADMIN_PATH).then().statusCode(200).body("name", hasItem("A renamed line"));

        given().auth().oauth2(ADMIN).delete(ADMIN_PATH + "/" + id).then().statusCode(204);
        given().auth().oauth2(ADMIN).delete(ADMIN_PATH + "/" + id).then().statusCode(404);
        given().auth().oauth2(READER).get("/api/content/resources?country=FR")
                .then().statusCode(200).body("items.name", not(hasItem("A renamed line")));

        given().auth().oauth2(ADMIN).get("/api/admin/content/audit?limit=100")
                .then().statusCode(200)
                .body("items.findAll { it.targetId == '" + id + "' }.action",
                        hasItems("resource.created", "resource.updated", "resource.deleted"));
    }

    @Test
    void invalidResourcesAreRefused() {
        Map<String, Object> noContact = Map.of("name", "n", "description", "d");
        given().auth().oauth2(ADMIN).contentType(ContentType.JSON).body(noContact).post(ADMIN_PATH)
                .then().statusCode(400).body("errors.field", hasItem("phone"));
        Map<String, Object> bad = Map.of("name", "n", "description", "d", "url", "javascript:alert(1)",
                "country", "France", "phone", "call me");
        given().auth().oauth2(ADMIN).contentType(ContentType.JSON).body(bad).post(ADMIN_PATH)
                .then().statusCode(400).body("errors.field", hasItems("url", "country", "phone"));
    }

    @Test
    void usersCannotEditResources() {
        ServiceChecks.refusesUsersWithoutTheAdminRole(ADMIN_PATH);
        given().auth().oauth2(READER).contentType(ContentType.JSON)
                .body(Map.of("name", "n", "description", "d", "url", "https://x.example")).post(ADMIN_PATH)
                .then().statusCode(403);
        ServiceChecks.refusesCallersWithoutAValidToken("/api/content/resources");
    }
}
