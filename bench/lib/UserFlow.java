import java.io.IOException;
import java.io.PrintWriter;
import java.net.CookieManager;
import java.net.CookiePolicy;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The browser side of the authorization code flow, for the benchmark (bench/run.sh). Single-file source program:
 * {@code java bench/lib/UserFlow.java COMMAND}, no build needed (JDK 11+).
 *
 * <pre>
 *   access-token                  log in, consent, redeem one code; print the access token
 *   codes N FILE                  log in once, then write up to N fresh authorization codes to FILE (one a line):
 *                                 the SSO session cookie and the saved consent make GET /authorize answer 302 with
 *                                 a code at once, so they are fetched in parallel
 *   refresh-tokens N FILE         as codes, then redeem each code and write up to N refresh tokens to FILE
 * </pre>
 *
 * Settings (environment): AUTHORIZE_URL (http://localhost:8081), TOKEN_URL (http://localhost:8082), RP_CLIENT_ID
 * (demo-rp), RP_CLIENT_SECRET (demo-rp-secret-local-only, sent with client_secret_basic), RP_REDIRECT_URI
 * (http://localhost:9090/callback), BENCH_USER (alice), BENCH_PASSWORD (alice-password-local-only), BENCH_SCOPE (openid profile),
 * PREPARE_PARALLEL (8 requests in flight), PREPARE_TIMEOUT (seconds for the whole command, 300). Every loop is bounded by
 * the count and by PREPARE_TIMEOUT; only localhost URLs are accepted. Progress and failures go to stderr.
 */
public final class UserFlow {

    private static final String AUTHORIZE_URL = env("AUTHORIZE_URL", "http://localhost:8081");
    private static final String TOKEN_URL = env("TOKEN_URL", "http://localhost:8082");
    private static final String CLIENT_ID = env("RP_CLIENT_ID", "demo-rp");
    private static final String CLIENT_SECRET = env("RP_CLIENT_SECRET", "demo-rp-secret-local-only");
    private static final String REDIRECT_URI = env("RP_REDIRECT_URI", "http://localhost:9090/callback");
    private static final String USERNAME = env("BENCH_USER", "alice");
    private static final String PASSWORD = env("BENCH_PASSWORD", "alice-password-local-only");
    private static final String SCOPE = env("BENCH_SCOPE", "openid profile");
    private static final int PARALLEL = Integer.parseInt(env("PREPARE_PARALLEL", "8"));
    private static final Instant DEADLINE = Instant.now().plusSeconds(Long.parseLong(env("PREPARE_TIMEOUT", "300")));
    private static final Pattern HIDDEN = Pattern.compile(
            "<input type=\"hidden\" name=\"([^\"]+)\" value=\"([^\"]*)\"");
    private static final Pattern FORM_ACTION = Pattern.compile("<form method=\"post\" action=\"([^\"]+)\"");
    private static final Pattern JSON_STRING = Pattern.compile("\"%s\"\\s*:\\s*\"([^\"]+)\"");

    private final HttpClient http;
    private final AtomicInteger state = new AtomicInteger();

    private UserFlow() {
        // The client keeps its own executor: the workers below block in send(), which needs client threads.
        http = HttpClient.newBuilder()
                .version(HttpClient.Version.HTTP_1_1)
                .followRedirects(HttpClient.Redirect.NEVER)
                .connectTimeout(Duration.ofSeconds(5))
                .cookieHandler(new CookieManager(null, CookiePolicy.ACCEPT_ALL))
                .build();
    }

    public static void main(String[] args) throws Exception {
        for (String url : List.of(AUTHORIZE_URL, TOKEN_URL)) {
            String host = URI.create(url).getHost();
            if (!List.of("localhost", "127.0.0.1", "[::1]", "::1").contains(host)) {
                fail("only localhost targets are allowed: " + url);
            }
        }
        if (args.length == 0) {
            fail("usage: java UserFlow.java access-token | codes N FILE | refresh-tokens N FILE");
        }
        ExecutorService pool = Executors.newFixedThreadPool(Math.max(2, PARALLEL));
        try {
            UserFlow flow = new UserFlow();
            switch (args[0]) {
                case "access-token" -> {
                    String code = flow.login();
                    System.out.println(json(flow.redeem(code), "access_token"));
                }
                case "codes" -> {
                    int n = count(args);
                    String first = flow.login();
                    List<String> codes = flow.codes(n - 1, pool);
                    codes.add(0, first);
                    write(Path.of(args[2]), codes);
                }
                case "refresh-tokens" -> {
                    int n = count(args);
                    String first = flow.login();
                    List<String> codes = flow.codes(n - 1, pool);
                    codes.add(0, first);
                    write(Path.of(args[2]), flow.refreshTokens(codes, pool));
                }
                default -> fail("unknown command " + args[0]);
            }
        } finally {
            pool.shutdownNow();
        }
    }

    /** The first flow: GET /authorize, the login form, the consent form (if asked); returns the code. */
    private String login() throws IOException, InterruptedException {
        HttpResponse<String> r = get(authorizeUrl());
        for (int step = 0; step < 6; step++) {   // authorize -> login page -> consent page -> redirect_uri
            if (r.statusCode() == 302 || r.statusCode() == 303) {
                String location = r.headers().firstValue("Location").orElseThrow(() -> new IOException("redirect without Location"));
                if (location.startsWith(REDIRECT_URI)) {
                    return codeFrom(location);
                }
                r = get(URI.create(AUTHORIZE_URL).resolve(location).toString());
            } else if (r.statusCode() == 200) {
                r = submit(r.body());
            } else {
                throw new IOException("unexpected HTTP " + r.statusCode() + " in the login flow: " + abbreviate(r.body()));
            }
        }
        throw new IOException("the login flow did not reach the redirect_uri");
    }

    /** Fills and posts the page's form: the login form (credentials) or the consent form (allow). */
    private HttpResponse<String> submit(String page) throws IOException, InterruptedException {
        Matcher action = FORM_ACTION.matcher(page);
        if (!action.find()) {
            throw new IOException("no form on the page: " + abbreviate(page));
        }
        Map<String, String> form = new LinkedHashMap<>();
        Matcher hidden = HIDDEN.matcher(page);
        while (hidden.find()) {
            form.put(hidden.group(1), unescape(hidden.group(2)));
        }
        if (page.contains("name=\"password\"")) {
            form.put("username", USERNAME);
            form.put("password", PASSWORD);
            form.put("action", "login");
        } else if (page.contains("name=\"decision\"")) {
            form.put("decision", "allow");
        } else {
            throw new IOException("neither a login nor a consent form: " + abbreviate(page));
        }
        String url = URI.create(AUTHORIZE_URL).resolve(unescape(action.group(1))).toString();
        HttpResponse<String> r = http.send(HttpRequest.newBuilder(URI.create(url)).timeout(Duration.ofSeconds(30))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(encode(form))).build(), HttpResponse.BodyHandlers.ofString());
        if (r.statusCode() == 200 && r.body().contains("name=\"password\"")) {
            throw new IOException("login refused for " + USERNAME + " (wrong password or throttled)");
        }
        return r;
    }

    /** {@code n} more codes: GET /authorize with the session cookie, which answers 302 to the redirect_uri. */
    private List<String> codes(int n, ExecutorService pool) throws InterruptedException {
        ConcurrentLinkedQueue<String> out = new ConcurrentLinkedQueue<>();
        AtomicInteger next = new AtomicInteger();
        AtomicInteger failures = new AtomicInteger();
        Instant started = Instant.now();
        parallel(pool, () -> {
            while (next.getAndIncrement() < n && Instant.now().isBefore(DEADLINE) && failures.get() < 20) {
                try {
                    HttpResponse<String> r = get(authorizeUrl());
                    String location = r.headers().firstValue("Location").orElse("");
                    if (r.statusCode() == 302 && location.startsWith(REDIRECT_URI)) {
                        out.add(codeFrom(location));
                    } else {
                        failures.incrementAndGet();
                        System.err.println("authorize: HTTP " + r.statusCode() + " " + location);
                    }
                } catch (IOException e) {
                    failures.incrementAndGet();
                    System.err.println("authorize: " + e);
                } catch (InterruptedException e) {
                    return;
                }
            }
        });
        report("codes", out.size(), n, started);
        return new ArrayList<>(out);
    }

    /** Redeems every code and keeps the refresh tokens. */
    private List<String> refreshTokens(List<String> codes, ExecutorService pool) throws InterruptedException {
        ConcurrentLinkedQueue<String> out = new ConcurrentLinkedQueue<>();
        AtomicInteger next = new AtomicInteger();
        AtomicInteger failures = new AtomicInteger();
        Instant started = Instant.now();
        parallel(pool, () -> {
            int i;
            while ((i = next.getAndIncrement()) < codes.size() && Instant.now().isBefore(DEADLINE) && failures.get() < 20) {
                try {
                    String refresh = json(redeem(codes.get(i)), "refresh_token");
                    if (refresh != null) {
                        out.add(refresh);
                    } else {
                        failures.incrementAndGet();
                        System.err.println("token: no refresh_token (does the client allow the refresh_token grant?)");
                    }
                } catch (IOException e) {
                    failures.incrementAndGet();
                    System.err.println("token: " + e.getMessage());
                } catch (InterruptedException e) {
                    return;
                }
            }
        });
        report("refresh tokens", out.size(), codes.size(), started);
        return new ArrayList<>(out);
    }

    /** The token response (JSON) for a code. */
    private String redeem(String code) throws IOException, InterruptedException {
        String basic = Base64.getEncoder().encodeToString((urlEncode(CLIENT_ID) + ":" + urlEncode(CLIENT_SECRET))
                .getBytes(StandardCharsets.UTF_8));   // RFC 6749 2.3.1: form-encoded, then Basic
        Map<String, String> form = new LinkedHashMap<>();
        form.put("grant_type", "authorization_code");
        form.put("code", code);
        form.put("redirect_uri", REDIRECT_URI);
        HttpResponse<String> r = http.send(HttpRequest.newBuilder(URI.create(TOKEN_URL + "/token"))
                .timeout(Duration.ofSeconds(30))
                .header("Authorization", "Basic " + basic)
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(encode(form))).build(), HttpResponse.BodyHandlers.ofString());
        if (r.statusCode() != 200) {
            throw new IOException("token endpoint HTTP " + r.statusCode() + ": " + abbreviate(r.body()));
        }
        return r.body();
    }

    private HttpResponse<String> get(String url) throws IOException, InterruptedException {
        return http.send(HttpRequest.newBuilder(URI.create(url)).timeout(Duration.ofSeconds(30)).GET().build(),
                HttpResponse.BodyHandlers.ofString());
    }

    private String authorizeUrl() {
        Map<String, String> q = new LinkedHashMap<>();
        q.put("response_type", "code");
        q.put("client_id", CLIENT_ID);
        q.put("redirect_uri", REDIRECT_URI);
        q.put("scope", SCOPE);
        q.put("state", "s" + state.incrementAndGet());
        q.put("nonce", "n" + state.get());
        return AUTHORIZE_URL + "/authorize?" + encode(q);
    }

    private static String codeFrom(String location) throws IOException {
        String query = URI.create(location).getRawQuery();
        if (query != null) {
            for (String pair : query.split("&")) {
                if (pair.startsWith("code=")) {
                    return java.net.URLDecoder.decode(pair.substring(5), StandardCharsets.UTF_8);
                }
                if (pair.startsWith("error=")) {
                    throw new IOException("authorization error: " + location);
                }
            }
        }
        throw new IOException("no code in " + location);
    }

    private static void parallel(ExecutorService pool, Runnable worker) throws InterruptedException {
        List<java.util.concurrent.Future<?>> futures = new ArrayList<>();
        for (int i = 0; i < PARALLEL; i++) {
            futures.add(pool.submit(worker));
        }
        for (java.util.concurrent.Future<?> f : futures) {
            long left = Duration.between(Instant.now(), DEADLINE).toMillis() + 35_000;
            try {
                f.get(Math.max(1, left), TimeUnit.MILLISECONDS);
            } catch (java.util.concurrent.ExecutionException | java.util.concurrent.TimeoutException e) {
                System.err.println("worker: " + e);
            }
        }
    }

    private static void report(String what, int got, int wanted, Instant started) {
        double seconds = Math.max(0.001, Duration.between(started, Instant.now()).toMillis() / 1000.0);
        System.err.printf("%d/%d %s in %.1f s (%.0f/s)%n", got, wanted, what, seconds, got / seconds);
    }

    private static int count(String[] args) {
        if (args.length < 3) {
            fail("usage: java UserFlow.java " + args[0] + " N FILE");
        }
        int n = Integer.parseInt(args[1]);
        if (n < 1 || n > 1_000_000) {
            fail("N must be between 1 and 1,000,000");
        }
        return n;
    }

    private static void write(Path file, List<String> lines) throws IOException {
        try (PrintWriter w = new PrintWriter(Files.newBufferedWriter(file))) {
            lines.forEach(w::println);
        }
    }

    static String json(String body, String member) {
        Matcher m = Pattern.compile(String.format(JSON_STRING.pattern(), Pattern.quote(member))).matcher(body);
        return m.find() ? m.group(1) : null;
    }

    private static String encode(Map<String, String> form) {
        StringBuilder b = new StringBuilder();
        form.forEach((k, v) -> b.append(b.length() == 0 ? "" : "&").append(urlEncode(k)).append('=').append(urlEncode(v)));
        return b.toString();
    }

    private static String urlEncode(String s) {
        return URLEncoder.encode(s, StandardCharsets.UTF_8);
    }

    private static String unescape(String html) {
        return html.replace("&quot;", "\"").replace("&#39;", "'").replace("&lt;", "<").replace("&gt;", ">")
                .replace("&amp;", "&");
    }

    private static String abbreviate(String s) {
        String flat = s.replaceAll("\\s+", " ");
        return flat.length() > 300 ? flat.substring(0, 300) + "..." : flat;
    }

    private static String env(String name, String fallback) {
        String v = System.getenv(name);
        return v == null || v.isBlank() ? fallback : v;
    }

    private static void fail(String message) {
        System.err.println(message);
        System.exit(2);
    }
}
