package io.gatehouse.authorize.admin;

/** Which page of a listing: {@code page} from 0, {@code size} 1 to {@value #MAX_SIZE} (default {@value #DEFAULT_SIZE}). */
public record Paging(int page, int size) {

    public static final int DEFAULT_SIZE = 50;
    public static final int MAX_SIZE = 500;

    /** From the {@code page} and {@code size} query parameters; either may be absent. */
    public static Paging of(String page, String size) {
        int p;
        int s;
        try {
            p = page == null || page.isEmpty() ? 0 : Integer.parseInt(page);
            s = size == null || size.isEmpty() ? DEFAULT_SIZE : Integer.parseInt(size);
        } catch (NumberFormatException e) {
            throw AdminErrors.invalidRequest("page and size must be integers");
        }
        if (p < 0 || s < 1 || s > MAX_SIZE) {
            throw AdminErrors.invalidRequest("page must be 0 or more and size between 1 and " + MAX_SIZE);
        }
        if ((long) p * s > Integer.MAX_VALUE) {
            // page * size must stay an int offset: an overflow would be a negative offset, refused by the query layer.
            throw AdminErrors.invalidRequest("page is beyond the last possible page");
        }
        return new Paging(p, s);
    }

    public int offset() {
        return page * size;
    }

    /** The LIKE pattern that finds {@code search} anywhere, its wildcards escaped with {@code !} ({@code escape '!'}). */
    public static String containing(String search) {
        return "%" + search.replace("!", "!!").replace("%", "!%").replace("_", "!_") + "%";
    }
}
