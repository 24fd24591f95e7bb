package app.detach.outbox;

/**
 * A record that can never be processed, however often it is tried: not a CloudEvent, data that is
 * not JSON or breaks its schema. {@link ConsumerTransactions} never retries it; the connector's
 * {@code failure-strategy=dead-letter-queue} parks the record at once with this message as the
 * reason. An {@code IllegalArgumentException}, as {@link IncomingEvent#read} threw before.
 */
public class PoisonRecordException extends IllegalArgumentException {

    public PoisonRecordException(String message) {
        super(message);
    }

    public PoisonRecordException(String message, Throwable cause) {
        super(message, cause);
    }
}
