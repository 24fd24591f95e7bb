package app.detach.content.resource;

import app.detach.content.audit.Audit;
import app.detach.rest.ProblemException;
import io.quarkus.hibernate.reactive.panache.common.WithSession;
import io.quarkus.hibernate.reactive.panache.common.WithTransaction;
import io.quarkus.panache.common.Sort;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;

import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.UUID;

/** Reading and editing help resources; edits are audited. */
@ApplicationScoped
public class HelpResources {

    /**
     * Shown with every answer, whatever the country: we cannot know every local service, but every
     * reader can reach their emergency number. The examples are the numbers of large regions.
     */
    public static final String EMERGENCY = "If you are in danger, or thinking about ending your life, contact your "
            + "local emergency services now (for example 112 in the EU, 999 in the UK, 911 in the US and Canada).";

    private final Audit audit;
    private final Clock clock;

    HelpResources(Audit audit, Clock clock) {
        this.audit = audit;
        this.clock = clock;
    }

    /** The resources for a country (or all when null), country-specific ones first, then those for everyone. */
    @WithSession
    public Uni<HelpResourceView.Answer> forCountry(String country) {
        Uni<List<HelpResource>> found = country == null
                ? HelpResource.listAll(Sort.by("country", Sort.Direction.Ascending, Sort.NullPrecedence.NULLS_LAST).and("name"))
                : HelpResource.list("country = ?1 or country is null",
                        Sort.by("country", Sort.Direction.Ascending, Sort.NullPrecedence.NULLS_LAST).and("name"), country);
        return found.map(list -> new HelpResourceView.Answer(country, EMERGENCY,
                list.stream().map(HelpResourceView::of).toList()));
    }

    @WithTransaction
    public Uni<HelpResourceView> create(String actor, HelpResourceRequest request) {
        requireAContact(request);
        HelpResource r = new HelpResource();
        r.id = UUID.randomUUID();
        r.createdBy = actor;
        r.createdAt = now();
        apply(r, request, actor);
        return r.persist().replaceWith(r)
                .call(() -> audit.record(actor, "resource.created", "help-resource", r.id, r.name))
                .map(HelpResourceView::of);
    }

    @WithTransaction
    public Uni<HelpResourceView> update(String actor, UUID id, HelpResourceRequest request) {
        requireAContact(request);
        return find(id).invoke(r -> apply(r, request, actor))
                .call(r -> audit.record(actor, "resource.updated", "help-resource", id, r.name))
                .map(HelpResourceView::of);
    }

    @WithTransaction
    public Uni<Void> delete(String actor, UUID id) {
        return find(id).call(r -> r.delete())
                .call(r -> audit.record(actor, "resource.deleted", "help-resource", id, r.name))
                .replaceWithVoid();
    }

    private static Uni<HelpResource> find(UUID id) {
        return HelpResource.<HelpResource>findById(id)
                .onItem().ifNull().failWith(() -> ProblemException.notFound("No help resource with this id."));
    }

    private void apply(HelpResource r, HelpResourceRequest request, String actor) {
        r.country = request.country();
        r.name = request.name().strip();
        r.description = request.description().strip();
        r.phone = blankToNull(request.phone());
        r.text = blankToNull(request.text());
        r.url = blankToNull(request.url());
        r.hours = blankToNull(request.hours());
        r.updatedBy = actor;
        r.updatedAt = now();
    }

    private static void requireAContact(HelpResourceRequest request) {
        if (blankToNull(request.phone()) == null && blankToNull(request.text()) == null
                && blankToNull(request.url()) == null) {
            throw ProblemException.invalid("phone", "give at least one way to reach it: phone, text or url");
        }
    }

    private static String blankToNull(String value) {
        return value == null || value.isBlank() ? null : value.strip();
    }

    private Instant now() {
        return clock.instant().truncatedTo(ChronoUnit.MICROS);
    }
}
