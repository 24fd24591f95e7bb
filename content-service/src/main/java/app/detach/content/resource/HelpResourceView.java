package app.detach.content.resource;

import java.util.List;
import java.util.UUID;

/** A help resource as readers and admins see it. */
public record HelpResourceView(UUID id, String country, String name, String description, String phone, String text,
        String url, String hours) {

    static HelpResourceView of(HelpResource r) {
        return new HelpResourceView(r.id, r.country, r.name, r.description, r.phone, r.text, r.url, r.hours);
    }

    /** The answer to readers: always the emergency line first, then the resources for their country. */
    public record Answer(String country, String emergency, List<HelpResourceView> items) {
    }
}
