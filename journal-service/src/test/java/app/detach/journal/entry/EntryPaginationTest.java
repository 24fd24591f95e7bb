package app.detach.journal.entry;

import app.detach.journal.JournalApi;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.containsInAnyOrder;
import static org.hamcrest.Matchers.empty;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.nullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

@QuarkusTest
class EntryPaginationTest {

    @Test
    void pagesWalkAllEntriesNewestFirstWithoutDuplicatesOrGapsWhileOthersAreAdded() throws Exception {
        JournalApi api = JournalApi.as("pager-" + UUID.randomUUID());
        List<String> created = new ArrayList<>();
        for (int i = 0; i < 23; i++) {
            created.add(api.create("entry " + i, 1 + i % 10, i % 11));
        }
        List<String> expected = new ArrayList<>(created);
        java.util.Collections.reverse(expected);

        List<String> seen = new ArrayList<>();
        List<String> addedMeanwhile = new ArrayList<>();
        ExecutorService writer = Executors.newFixedThreadPool(2);
        try {
            String cursor = null;
            do {
                Map<String, Object> query = new HashMap<>();
                query.put("limit", 5);
                if (cursor != null) {
                    query.put("cursor", cursor);
                }
                JsonPath page = api.list(query).statusCode(200).extract().jsonPath();
                seen.addAll(page.getList("items.id"));
                cursor = page.getString("nextCursor");
                // concurrent writers between (and while) pages are read
                List<Future<String>> writes = List.of(
                        writer.submit(() -> api.create("written meanwhile", 5, 5)),
                        writer.submit(() -> api.create("written meanwhile", 5, 5)));
                for (Future<String> write : writes) {
                    addedMeanwhile.add(write.get());
                }
            } while (cursor != null);
        } finally {
            writer.shutdownNow();
        }

        assertEquals(expected, seen, "one walk sees exactly the entries that existed when it started, in order");
        Set<String> all = new LinkedHashSet<>(seen);
        assertEquals(seen.size(), all.size(), "no duplicates");
        assertTrue(addedMeanwhile.stream().noneMatch(all::contains));
        // a new walk starts with everything added meanwhile
        api.list(Map.of("limit", 100)).statusCode(200).body("items", hasSize(23 + addedMeanwhile.size()));
    }

    @Test
    void theLastPageHasNoNextCursorAndAnExactFitEndsWithAnEmptyPage() {
        JournalApi api = JournalApi.as("pager-" + UUID.randomUUID());
        for (int i = 0; i < 4; i++) {
            api.create("entry " + i, 5, 5);
        }
        String cursor = api.list(Map.of("limit", 2)).statusCode(200).body("items", hasSize(2)).extract().path("nextCursor");
        api.list(Map.of("limit", 2, "cursor", cursor)).statusCode(200)
                .body("items", hasSize(2)).body("nextCursor", nullValue());
        api.list(Map.of("limit", 4)).statusCode(200).body("items", hasSize(4)).body("nextCursor", nullValue());
    }

    @Test
    void aCursorOnlyPagesTheJournalOfItsCaller() {
        JournalApi alice = JournalApi.as("alice-" + UUID.randomUUID());
        alice.create("a1", 5, 5);
        alice.create("a2", 5, 5);
        String cursor = alice.list(Map.of("limit", 1)).extract().path("nextCursor");
        JournalApi.as("bob-" + UUID.randomUUID()).list(Map.of("cursor", cursor)).statusCode(200).body("items", empty());
    }

    @Test
    void filtersCombine() {
        JournalApi api = JournalApi.as("filter-" + UUID.randomUUID());
        String sadLow = api.create("sad and low", 2, 7, "sad", "lonely");
        String sadMid = api.create("sad but ok", 5, 4, "sad");
        String calmHigh = api.create("calm", 8, 1, "calm");

        api.list(Map.of("emotion", "sad")).body("items.id", contains(sadMid, sadLow));
        api.list(Map.of("minMood", 5)).body("items.id", contains(calmHigh, sadMid));
        api.list(Map.of("maxMood", 5)).body("items.id", contains(sadMid, sadLow));
        api.list(Map.of("emotion", "sad", "minMood", 3, "maxMood", 6)).body("items.id", contains(sadMid));
        api.list(Map.of("emotion", "lonely", "minMood", 3)).body("items", empty());

        String createdAt = api.get(sadMid).extract().path("createdAt");
        api.list(Map.of("from", createdAt)).body("items.id", contains(calmHigh, sadMid));
        api.list(Map.of("to", createdAt)).body("items.id", contains(sadLow));
        api.list(Map.of("from", createdAt, "emotion", "calm")).body("items.id", contains(calmHigh));
        String today = createdAt.substring(0, 10);
        api.list(Map.of("from", today, "to", today)).body("items.id", containsInAnyOrder(sadLow, sadMid, calmHigh));
        api.list(Map.of("from", "2000-01-01", "to", "2000-01-02")).body("items", empty());
    }
}
