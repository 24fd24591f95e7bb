package app.detach.notification;

import app.detach.testing.KafkaTestResource;
import app.detach.testing.OidcTestResource;
import app.detach.testing.PostgresTestResource;
import io.quarkus.test.common.QuarkusTestResource;

/**
 * The real infrastructure every @QuarkusTest of this service runs against, declared once so all
 * test classes share one application start (see platform/testing/README.md).
 */
@QuarkusTestResource(PostgresTestResource.class)
@QuarkusTestResource(KafkaTestResource.class)
@QuarkusTestResource(OidcTestResource.class)
@QuarkusTestResource(GreenMailTestResource.class)
public class TestInfrastructure {
}
