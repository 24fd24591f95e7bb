package app.detach.content.audit;

import app.detach.content.paging.Cursor;
import app.detach.content.paging.Page;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Row;
import io.vertx.mutiny.sqlclient.Tuple;
import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;

import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

/** The audit trail of admin changes, newest first (role admin). */
@Path("/api/admin/content/audit")
@RolesAllowed("admin")
@Produces(MediaType.APPLICATION_JSON)
public class AuditResource {

    public record AuditView(UUID id, Instant at, String actor, String action, String targetType, String targetId,
            String detail) {
    }

    private final Pool pool;

    AuditResource(Pool pool) {
        this.pool = pool;
    }

    @GET
    public Uni<Page<AuditView>> list(@QueryParam("limit") @DefaultValue("50") @Min(1) @Max(100) int limit,
            @QueryParam("cursor") String cursor) {
        Cursor after = Cursor.decode(cursor, "p");
        String sql = """
                SELECT id, at, actor, action, target_type, target_id, detail FROM audit_entry
                WHERE ($1::timestamptz IS NULL OR (at, id) < ($1::timestamptz, $2::uuid))
                ORDER BY at DESC, id DESC LIMIT $3
                """;
        Tuple params = Tuple.tuple()
                .addValue(after == null ? null : after.instant().atOffset(ZoneOffset.UTC))
                .addValue(after == null ? null : after.id())
                .addValue(limit + 1);
        return pool.preparedQuery(sql).execute(params).map(rows -> {
            List<AuditView> items = new ArrayList<>();
            String next = null;
            for (Row row : rows) {
                if (items.size() == limit) {
                    AuditView last = items.get(limit - 1);
                    next = Cursor.ofInstant(last.at(), last.id()).encode();
                    break;
                }
                items.add(new AuditView(row.getUUID("id"), row.getOffsetDateTime("at").toInstant(),
                        row.getString("actor"), row.getString("action"), row.getString("target_type"),
                        row.getString("target_id"), row.getString("detail")));
            }
            return new Page<>(items, next);
        });
    }
}
