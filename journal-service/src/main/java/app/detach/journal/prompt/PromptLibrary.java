package app.detach.journal.prompt;

import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The writing prompts, written for Detach (our own words), loaded once from
 * {@code prompts/prompts.json}. Prompt ids are stable: entries refer to them.
 */
@ApplicationScoped
public class PromptLibrary {

    static final String RESOURCE = "prompts/prompts.json";

    private final Map<String, Prompt> byId;

    @Inject
    PromptLibrary() {
        this(load());
    }

    PromptLibrary(List<Prompt> prompts) {
        Map<String, Prompt> map = new LinkedHashMap<>();
        for (Prompt prompt : prompts) {
            if (map.put(prompt.id(), prompt) != null) {
                throw new IllegalStateException("duplicate prompt id " + prompt.id());
            }
        }
        this.byId = Map.copyOf(map);
        this.ordered = List.copyOf(map.values());
    }

    private final List<Prompt> ordered;

    public List<Prompt> all() {
        return ordered;
    }

    public boolean exists(String id) {
        return byId.containsKey(id);
    }

    public Optional<Prompt> find(String id) {
        return Optional.ofNullable(byId.get(id));
    }

    public List<Prompt> forStage(Stage stage) {
        return ordered.stream().filter(p -> p.stages().contains(stage)).toList();
    }

    static List<Prompt> load() {
        try (InputStream in = PromptLibrary.class.getClassLoader().getResourceAsStream(RESOURCE)) {
            if (in == null) {
                throw new IllegalStateException("missing resource " + RESOURCE);
            }
            return new ObjectMapper().readValue(in, new TypeReference<List<Prompt>>() {
            });
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + RESOURCE, e);
        }
    }
}
