package app.detach.outbox;

import java.util.function.Function;

import jakarta.enterprise.context.ApplicationScoped;

import org.apache.kafka.clients.consumer.ConsumerRecord;

import app.detach.events.EventType;
import app.detach.events.account.ErasureRequested;
import io.smallrye.mutiny.Uni;

/**
 * The consumer of {@code detach.account.v1} that every service with a table of its own needs:
 * {@code erasure-requested} → the service's erase function (delete the user's data, record
 * {@code data-erased} through the outbox) → the user remembered as erased ({@link ErasedUsers}: later
 * events about them are skipped) → marked processed, in one retried transaction
 * ({@link ConsumerTransactions#consume}). Other account events are skipped.
 *
 * <pre>{@code
 * @Incoming("account-events")
 * public Uni<Void> onAccountEvent(ConsumerRecord<String, String> record) {
 *     return erasureRequests.handle("journal-service.account", record, erasure::erase);
 * }
 * }</pre>
 */
@ApplicationScoped
public class ErasureRequests {

    private final ConsumerTransactions transactions;
    private final ErasedUsers erased;

    ErasureRequests(ConsumerTransactions transactions, ErasedUsers erased) {
        this.transactions = transactions;
        this.erased = erased;
    }

    /** @param erase deletes everything of the user (by user id) and records data-erased, in the caller's transaction */
    public Uni<Void> handle(String consumer, ConsumerRecord<String, String> record, Function<String, Uni<Void>> erase) {
        return transactions.consume(consumer, record,
                event -> {
                    String userId = ((ErasureRequested) event.data()).userId();
                    return erase.apply(userId).call(() -> erased.remember(userId));
                }, EventType.ERASURE_REQUESTED);
    }
}
