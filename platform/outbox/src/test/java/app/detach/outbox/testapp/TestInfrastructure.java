package app.detach.outbox.testapp;

import app.detach.testing.KafkaTestResource;
import app.detach.testing.PostgresTestResource;
import io.quarkus.test.common.QuarkusTestResource;

/** The real PostgreSQL and Kafka for every {@code @QuarkusTest} of this module (one application start). */
@QuarkusTestResource(PostgresTestResource.class)
@QuarkusTestResource(KafkaTestResource.class)
public class TestInfrastructure {
}
