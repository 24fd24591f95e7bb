package app.detach.outbox.testapp;

import java.util.UUID;

import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.QueryParam;

import io.smallrye.mutiny.Uni;

/** HTTP entry points for the tests (Hibernate Reactive needs a Vert.x context, which a request has). */
@Path("/test")
public class UrgeResource {

    private final UrgeService service;

    UrgeResource(UrgeService service) {
        this.service = service;
    }

    @POST
    @Path("/urges")
    public Uni<UUID> log(@QueryParam("userId") String userId, @QueryParam("intensity") int intensity,
            @QueryParam("fail") boolean fail) {
        return service.log(userId, intensity, fail);
    }

    @POST
    @Path("/urges/invalid")
    public Uni<UUID> logInvalid(@QueryParam("userId") String userId) {
        return service.logInvalid(userId);
    }

    @POST
    @Path("/urges/without-transaction")
    public Uni<UUID> logWithoutTransaction(@QueryParam("userId") String userId) {
        return service.logWithoutTransaction(userId);
    }

    @POST
    @Path("/processed/{consumer}/{eventId}")
    public Uni<Boolean> processed(@PathParam("consumer") String consumer, @PathParam("eventId") String eventId,
            @QueryParam("transaction") @jakarta.ws.rs.DefaultValue("true") boolean transaction) {
        return transaction ? service.firstTime(consumer, eventId) : service.firstTimeWithoutTransaction(consumer, eventId);
    }
}
