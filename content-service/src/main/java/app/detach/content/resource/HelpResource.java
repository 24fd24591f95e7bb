package app.detach.content.resource;

import io.quarkus.hibernate.reactive.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import java.time.Instant;
import java.util.UUID;

/** A help line or service; {@code country} null means it serves everyone. */
@Entity
@Table(name = "help_resource")
public class HelpResource extends PanacheEntityBase {

    @Id
    public UUID id;

    public String country;

    @Column(nullable = false)
    public String name;

    @Column(nullable = false)
    public String description;

    public String phone;

    @Column(name = "text_line")
    public String text;

    public String url;

    public String hours;

    @Column(name = "created_by", nullable = false)
    public String createdBy;

    @Column(name = "created_at", nullable = false)
    public Instant createdAt;

    @Column(name = "updated_by", nullable = false)
    public String updatedBy;

    @Column(name = "updated_at", nullable = false)
    public Instant updatedAt;
}
