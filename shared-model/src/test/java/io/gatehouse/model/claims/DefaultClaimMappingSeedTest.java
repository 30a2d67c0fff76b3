package io.gatehouse.model.claims;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.gatehouse.launcher.Database;
import io.gatehouse.model.entity.ClaimMappingEntity;
import io.gatehouse.testsupport.TestDatabase;
import java.sql.Array;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import org.flywaydb.core.Flyway;
import org.junit.jupiter.api.Test;

/** Migration V5 seeds claim_mappings with exactly the documented default mapping, and the rows validate. */
class DefaultClaimMappingSeedTest {

    @Test
    void migrationSeedsTheDefaultMapping() throws SQLException {
        Database server = TestDatabase.get();
        String name = "claims_seed_" + Long.toHexString(System.nanoTime());
        try (Connection c = DriverManager.getConnection(server.jdbcUrl(), server.user(), server.password());
             Statement s = c.createStatement()) {
            s.execute("create database " + name);
        }
        int slash = server.jdbcUrl().lastIndexOf('/');
        int query = server.jdbcUrl().indexOf('?', slash);
        String url = server.jdbcUrl().substring(0, slash + 1) + name + (query >= 0 ? server.jdbcUrl().substring(query) : "");
        Flyway.configure().dataSource(url, server.user(), server.password()).locations("classpath:db/migration").load().migrate();

        List<ClaimMappingEntity> rows = new ArrayList<>();
        try (Connection c = DriverManager.getConnection(url, server.user(), server.password());
             ResultSet rs = c.createStatement().executeQuery("select claim, source_attributes, value_type from claim_mappings")) {
            while (rs.next()) {
                ClaimMappingEntity e = new ClaimMappingEntity();
                e.claim = rs.getString(1);
                Array attributes = rs.getArray(2);
                e.sourceAttributes = List.of((String[]) attributes.getArray());
                e.valueType = rs.getString(3);
                rows.add(e);
            }
        }
        List<ClaimMapping> seeded = ClaimMappings.of(ClaimMappingSource.toMappings(rows)).mappings();
        Comparator<ClaimMapping> byClaim = Comparator.comparing(ClaimMapping::claim);
        assertEquals(ClaimMappings.DEFAULT.stream().sorted(byClaim).toList(), seeded.stream().sorted(byClaim).toList());
    }
}
