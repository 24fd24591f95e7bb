package app.detach.system;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.restassured.RestAssured;
import io.restassured.http.ContentType;

import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.Signature;
import java.security.interfaces.RSAPublicKey;
import java.util.Base64;
import java.util.List;
import java.util.Map;

/**
 * JWTs made by hand (JDK crypto only) to attack the gateway: a real Keycloak token re-signed or
 * altered. To prove that a token with a bad claim is refused because of that claim, and not only
 * because of an unknown signature, one RSA key of ours is registered in the detach realm as an extra
 * (lowest-priority, so never used by Keycloak itself) signing key: its public half is then in the
 * realm's JWKS, and a correctly built token signed with it is accepted (the control).
 */
final class ForgedTokens {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Base64.Encoder B64 = Base64.getUrlEncoder().withoutPadding();
    private static final Base64.Decoder B64D = Base64.getUrlDecoder();

    private ForgedTokens() {
    }

    static KeyPair newRsaKey() {
        try {
            KeyPairGenerator generator = KeyPairGenerator.getInstance("RSA");
            generator.initialize(2048);
            return generator.generateKeyPair();
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    /** The payload of a real token, to copy and alter. */
    static ObjectNode payload(String jwt) {
        try {
            return (ObjectNode) JSON.readTree(B64D.decode(jwt.split("\\.")[1]));
        } catch (Exception e) {
            throw new IllegalStateException("not a JWT: " + e, e);
        }
    }

    static String sign(ObjectNode payload, KeyPair key, String kid) {
        ObjectNode header = JSON.createObjectNode().put("alg", "RS256").put("typ", "JWT").put("kid", kid);
        String signingInput = part(header) + "." + part(payload);
        try {
            Signature rsa = Signature.getInstance("SHA256withRSA");
            rsa.initSign(key.getPrivate());
            rsa.update(signingInput.getBytes(StandardCharsets.US_ASCII));
            return signingInput + "." + B64.encodeToString(rsa.sign());
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    /** {@code alg: none}: no signature at all. */
    static String unsigned(ObjectNode payload) {
        ObjectNode header = JSON.createObjectNode().put("alg", "none").put("typ", "JWT");
        return part(header) + "." + part(payload) + ".";
    }

    /** HS256 with the RSA public key as the shared secret: the classic algorithm confusion. */
    static String hmacWithPublicKey(ObjectNode payload, KeyPair key, String kid) {
        ObjectNode header = JSON.createObjectNode().put("alg", "HS256").put("typ", "JWT").put("kid", kid);
        String signingInput = part(header) + "." + part(payload);
        try {
            javax.crypto.Mac mac = javax.crypto.Mac.getInstance("HmacSHA256");
            mac.init(new javax.crypto.spec.SecretKeySpec(key.getPublic().getEncoded(), "HmacSHA256"));
            return signingInput + "." + B64.encodeToString(mac.doFinal(signingInput.getBytes(StandardCharsets.US_ASCII)));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    /** The real token with another payload but its original signature. */
    static String withPayload(String jwt, ObjectNode payload) {
        String[] parts = jwt.split("\\.");
        return parts[0] + "." + part(payload) + "." + parts[2];
    }

    private static String part(ObjectNode node) {
        return B64.encodeToString(node.toString().getBytes(StandardCharsets.UTF_8));
    }

    /**
     * Adds the key to the detach realm (provider "rsa", priority 1, below the realm's own key, so
     * Keycloak keeps signing with its key) and returns the key id Keycloak publishes for it.
     */
    static RegisteredKey register(KeyPair key) {
        String admin = KeycloakUsers.adminAccessToken();
        String realmAdmin = Stack.get().keycloakUrl() + "/admin/realms/detach";
        String realmId = RestAssured.given().auth().oauth2(admin).get(realmAdmin)
                .then().statusCode(200).extract().path("id");
        String location = RestAssured.given().auth().oauth2(admin).contentType(ContentType.JSON)
                .body(Map.of(
                        "name", "system-test-attacker-key",
                        "providerId", "rsa",
                        "providerType", "org.keycloak.keys.KeyProvider",
                        "parentId", realmId,
                        "config", Map.of(
                                "priority", List.of("1"),
                                "enabled", List.of("true"),
                                "active", List.of("true"),
                                "algorithm", List.of("RS256"),
                                "privateKey", List.of(Base64.getEncoder().encodeToString(key.getPrivate().getEncoded())))))
                .post(realmAdmin + "/components")
                .then().statusCode(201).extract().header("Location");
        String componentId = location.substring(location.lastIndexOf('/') + 1);
        BigInteger modulus = ((RSAPublicKey) key.getPublic()).getModulus();
        List<Map<String, String>> keys = RestAssured.given()
                .get(Stack.get().issuerUrl() + "/protocol/openid-connect/certs")
                .then().statusCode(200).extract().path("keys");
        String kid = keys.stream()
                .filter(k -> k.get("n") != null && new BigInteger(1, B64D.decode(k.get("n"))).equals(modulus))
                .map(k -> k.get("kid"))
                .findFirst()
                .orElseThrow(() -> new AssertionError("Keycloak does not publish the registered key: " + keys));
        return new RegisteredKey(componentId, kid);
    }

    static void unregister(RegisteredKey key) {
        RestAssured.given().auth().oauth2(KeycloakUsers.adminAccessToken())
                .delete(Stack.get().keycloakUrl() + "/admin/realms/detach/components/" + key.componentId())
                .then().statusCode(204);
    }

    record RegisteredKey(String componentId, String kid) {
    }
}
