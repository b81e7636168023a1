package io.gatehouse.property;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.UUID;

/** A real-estate property: the example data behind {@link PropertyResource}. */
@Entity
@Table(name = "property")
public class Property {

    @Id
    @Column(name = "id")
    private UUID id;

    @Column(name = "name")
    private String name;

    @Column(name = "city")
    private String city;

    @Column(name = "created_by")
    private UUID createdBy;

    @Column(name = "created_at")
    private Instant createdAt;

    protected Property() {
    }

    Property(String name, String city, UUID createdBy, Instant createdAt) {
        this.id = UUID.randomUUID();
        this.name = name;
        this.city = city;
        this.createdBy = createdBy;
        this.createdAt = createdAt;
    }

    PropertyView toView() {
        return new PropertyView(id, name, city, createdBy, createdAt);
    }
}
