package app.detach.gateway;

import app.detach.testing.KafkaTestResource;
import app.detach.testing.OidcTestResource;
import io.quarkus.test.common.QuarkusTestResource;

/**
 * The real parts every gateway test runs against (declared once, as platform/testing advises, so
 * all test classes share one application start): Quarkus' OIDC test server, the
 * {@link EchoUpstream} HTTP server behind the routes, and the Kafka broker account erasure publishes to.
 */
@QuarkusTestResource(OidcTestResource.class)
@QuarkusTestResource(EchoUpstream.class)
@QuarkusTestResource(KafkaTestResource.class)
public class TestInfrastructure {
}
