package io.gatehouse.model.entity;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.util.List;
import org.hibernate.annotations.JdbcTypeCode;
import org.hibernate.type.SqlTypes;

/** One claim fed from user attributes, e.g. {@code given_name <- [givenName, firstname]}. */
@Entity
@Table(name = "claim_mappings")
public class ClaimMappingEntity {
    /** Claim name, or a dotted path into a structured claim ({@code address.locality}). */
    @Id
    public String claim;

    @JdbcTypeCode(SqlTypes.ARRAY)
    @Column(name = "source_attributes", columnDefinition = "text[]")
    public List<String> sourceAttributes;

    /** string, boolean, number, epoch_seconds or json. */
    @Column(name = "value_type")
    public String valueType = "string";
}
