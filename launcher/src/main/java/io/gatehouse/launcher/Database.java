package io.gatehouse.launcher;

/** Where the services find PostgreSQL. */
public record Database(String jdbcUrl, String user, String password) {

    /** {@code GATEHOUSE_DB_URL} (with {@code GATEHOUSE_DB_USER}, {@code GATEHOUSE_DB_PASSWORD}), or null. */
    public static Database fromEnvironment() {
        String url = System.getenv("GATEHOUSE_DB_URL");
        if (url == null || url.isBlank()) {
            return null;
        }
        return new Database(url, envOr("GATEHOUSE_DB_USER", "postgres"), envOr("GATEHOUSE_DB_PASSWORD", "postgres"));
    }

    private static String envOr(String name, String fallback) {
        String v = System.getenv(name);
        return v == null || v.isBlank() ? fallback : v;
    }
}
