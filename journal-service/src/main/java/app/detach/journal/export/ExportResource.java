package app.detach.journal.export;

import app.detach.journal.crypto.BodyCipher;
import app.detach.journal.crypto.UserKeys;
import app.detach.journal.entry.EntryFilter;
import app.detach.journal.entry.EntryReads;
import app.detach.journal.entry.EntryView;
import app.detach.journal.entry.StoredEntry;
import app.detach.journal.prompt.PromptLibrary;
import app.detach.journal.time.Zones;
import app.detach.rest.CurrentUser;
import app.detach.rest.ProblemException;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.quarkus.security.Authenticated;
import io.smallrye.mutiny.Multi;
import io.vertx.mutiny.core.buffer.Buffer;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.QueryParam;
import org.jboss.resteasy.reactive.RestMulti;

import javax.crypto.SecretKey;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicReference;

/**
 * Downloads the whole journal, decrypted, oldest entry first. The answer is streamed page by page
 * ({@value #PAGE} entries per database query and per chunk), so memory does not grow with the
 * number of entries.
 */
@Path("/api/journal/export")
@Authenticated
public class ExportResource {

    static final int PAGE = 200;
    private static final DateTimeFormatter HEADING = DateTimeFormatter.ofPattern("EEEE d MMMM uuuu, HH:mm", Locale.ENGLISH);

    private final CurrentUser user;
    private final EntryReads reads;
    private final UserKeys keys;
    private final BodyCipher cipher;
    private final PromptLibrary prompts;
    private final ObjectMapper mapper;
    private final Clock clock;

    ExportResource(CurrentUser user, EntryReads reads, UserKeys keys, BodyCipher cipher, PromptLibrary prompts,
            ObjectMapper mapper, Clock clock) {
        this.user = user;
        this.reads = reads;
        this.keys = keys;
        this.cipher = cipher;
        this.prompts = prompts;
        this.mapper = mapper;
        this.clock = clock;
    }

    /**
     * @param format {@code json} (default) or {@code markdown}
     * @param tz IANA zone for the dates of the Markdown headings (default UTC)
     */
    @GET
    // no @Produces: Quarkus REST streams a RestMulti only with one media type, and the type here
    // depends on the format; RestMulti's Content-Type header sets it per request
    public RestMulti<Buffer> export(@QueryParam("format") String format, @QueryParam("tz") String tz) {
        Format chosen = Format.of(format);
        ZoneId zone = Zones.parse("tz", tz);
        ZoneId headingZone = zone == null ? ZoneId.of("UTC") : zone;
        String userId = user.id();
        Instant now = clock.instant();
        Multi<List<EntryView>> pages = Multi.createFrom().uni(keys.forReading(userId))
                .onItem().transformToMultiAndConcatenate(dek -> dek.isEmpty()
                        ? Multi.createFrom().empty()
                        : pages(userId, dek.get()));
        Multi<Buffer> body = chosen == Format.JSON ? json(pages, now) : markdown(pages, now, headingZone);
        String file = "detach-journal-" + now.atZone(headingZone).toLocalDate() + chosen.extension;
        return RestMulti.fromMultiData(body)
                .encodeAsJsonArray(false)
                .header("Content-Type", chosen.mediaType)
                .header("Content-Disposition", "attachment; filename=\"" + file + "\"")
                .header("Cache-Control", "no-store")
                .build();
    }

    private Multi<List<EntryView>> pages(String userId, SecretKey dek) {
        AtomicReference<StoredEntry> last = new AtomicReference<>();
        return Multi.createBy().repeating()
                .uni(() -> reads.page(userId, EntryFilter.NONE, last.get() == null ? null : last.get().cursor(), PAGE, false)
                        .invoke(page -> {
                            if (!page.isEmpty()) {
                                last.set(page.get(page.size() - 1));
                            }
                        }))
                .until(List::isEmpty)
                .map(page -> page.stream().map(entry -> entry.decrypt(cipher, dek)).toList());
    }

    private Multi<Buffer> json(Multi<List<EntryView>> pages, Instant now) {
        AtomicBoolean first = new AtomicBoolean(true);
        Multi<Buffer> entries = pages.map(page -> {
            StringBuilder chunk = new StringBuilder();
            for (EntryView entry : page) {
                if (!first.compareAndSet(true, false)) {
                    chunk.append(',');
                }
                chunk.append('\n').append(write(entry));
            }
            return Buffer.buffer(chunk.toString());
        });
        return Multi.createBy().concatenating().streams(
                Multi.createFrom().item(() -> Buffer.buffer("{\"format\":\"detach-journal-export/1\",\"exportedAt\":\""
                        + now + "\",\"entries\":[")),
                entries,
                Multi.createFrom().item(() -> Buffer.buffer("\n]}\n")));
    }

    private Multi<Buffer> markdown(Multi<List<EntryView>> pages, Instant now, ZoneId zone) {
        Multi<Buffer> entries = pages.map(page -> {
            StringBuilder chunk = new StringBuilder();
            for (EntryView entry : page) {
                chunk.append("## ").append(HEADING.format(entry.createdAt().atZone(zone))).append('\n').append('\n');
                chunk.append("Mood ").append(entry.mood()).append("/10 · Urge to make contact ").append(entry.urge())
                        .append("/10");
                if (entry.noContactDay() != null) {
                    chunk.append(" · No-contact day ").append(entry.noContactDay());
                }
                chunk.append('\n');
                if (!entry.emotions().isEmpty()) {
                    chunk.append('\n').append("Feelings: ").append(String.join(", ", entry.emotions())).append('\n');
                }
                if (entry.promptId() != null) {
                    prompts.find(entry.promptId()).ifPresent(p -> chunk.append('\n').append("> ").append(p.text()).append('\n'));
                }
                chunk.append('\n').append(entry.body()).append("\n\n---\n\n");
            }
            return Buffer.buffer(chunk.toString());
        });
        return Multi.createBy().concatenating().streams(
                Multi.createFrom().item(() -> Buffer.buffer("# My Detach journal\n\nExported on "
                        + HEADING.format(now.atZone(zone)) + " (" + zone.getId() + "). Only you can read this file;"
                        + " keep it somewhere safe.\n\n---\n\n")),
                entries);
    }

    private String write(EntryView entry) {
        try {
            return mapper.writeValueAsString(entry);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("cannot serialise an entry", e);
        }
    }

    enum Format {
        JSON("application/json; charset=UTF-8", ".json"),
        MARKDOWN("text/markdown; charset=UTF-8", ".md");

        final String mediaType;
        final String extension;

        Format(String mediaType, String extension) {
            this.mediaType = mediaType;
            this.extension = extension;
        }

        static Format of(String value) {
            if (value == null || value.isBlank() || value.equals("json")) {
                return JSON;
            }
            if (value.equals("markdown")) {
                return MARKDOWN;
            }
            throw ProblemException.invalid("format", "must be json or markdown");
        }
    }

}
