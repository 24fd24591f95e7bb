package app.detach.outbox;

import org.hibernate.reactive.mutiny.Mutiny;

import io.quarkus.hibernate.reactive.panache.Panache;
import io.smallrye.mutiny.Uni;

/** The caller's Hibernate Reactive session, provided it has a transaction open. */
final class Transactions {

    private Transactions() {
    }

    static Uni<Mutiny.Session> requireCurrent(String operation) {
        return Panache.getSession().flatMap(session -> session.currentTransaction() != null
                ? Uni.createFrom().item(session)
                : Uni.createFrom().failure(new IllegalStateException(operation
                        + " must run inside the caller's transaction (@WithTransaction or Panache.withTransaction),"
                        + " otherwise it is not atomic with the state change")));
    }
}
