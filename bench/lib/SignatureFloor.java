import java.lang.reflect.Method;
import java.nio.charset.StandardCharsets;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.PrivateKey;
import java.security.Provider;
import java.security.Security;
import java.security.Signature;
import java.security.spec.ECGenParameterSpec;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.LongAdder;

/**
 * The signing bound of token issuance (bench/run.sh signing): RS256 (2048-bit RSA) and ES256 (P-256) signatures per
 * second with the JDK's providers and, when its jar is on the class path and loads, Amazon Corretto Crypto Provider
 * (the provider Gatehouse installs when it can, see CryptoProvider in shared-model). Each pair is measured on one
 * thread (the rate of one core) and on one thread per available processor (the machine's bound). Single-file
 * source program: {@code java -cp AmazonCorrettoCryptoProvider-2.5.0-linux-x86_64.jar SignatureFloor.java [SECONDS]}.
 * Prints Markdown table rows: provider, alg, threads, signatures/s, per thread.
 */
public final class SignatureFloor {

    private static final byte[] SIGNING_INPUT = ("eyJhbGciOiJSUzI1NiIsInR5cCI6ImF0K2p3dCIsImtpZCI6InJzMjU2In0."
            + "eyJpc3MiOiJodHRwOi8vbG9jYWxob3N0OjgwODQiLCJzdWIiOiJkZW1vLXNlcnZpY2UiLCJhdWQiOiJodHRwOi8vbG9jYWxob3N0"
            + "OjgwODMiLCJjbGllbnRfaWQiOiJkZW1vLXNlcnZpY2UiLCJzY29wZSI6ImFwaS5yZWFkIGFwaS53cml0ZSIsImlhdCI6MTc2NDAw"
            + "MDAwMCwiZXhwIjoxNzY0MDAwNjAwLCJqdGkiOiJhYmNkZWZnaGlqa2xtbm9wcXJzdHV2d3h5ejAxMjM0NTY3ODkiLCJncmFudF9p"
            + "ZCI6IjEyMzQ1Njc4LTEyMzQtMTIzNC0xMjM0LTEyMzQ1Njc4OTBhYiJ9").getBytes(StandardCharsets.US_ASCII);

    public static void main(String[] args) throws Exception {
        double seconds = args.length > 0 ? Double.parseDouble(args[0]) : 3;
        if (seconds <= 0 || seconds > 60) {
            throw new IllegalArgumentException("SECONDS must be in (0, 60]");
        }
        int cores = Runtime.getRuntime().availableProcessors();
        KeyPairGenerator rsa = KeyPairGenerator.getInstance("RSA", "SunRsaSign");
        rsa.initialize(2048);
        KeyPairGenerator ec = KeyPairGenerator.getInstance("EC", "SunEC");
        ec.initialize(new ECGenParameterSpec("secp256r1"));
        KeyPair rsaKeys = rsa.generateKeyPair();
        KeyPair ecKeys = ec.generateKeyPair();

        List<String[]> providers = new ArrayList<>();   // display name, RSA provider, EC provider
        providers.add(new String[] {"JDK", "SunRsaSign", "SunEC"});
        String accp = nativeProvider();
        if (accp != null) {
            providers.add(new String[] {accp, accp, accp});
        }
        for (String[] p : providers) {
            for (int threads : cores > 1 ? new int[] {1, cores} : new int[] {1}) {
                row(p[0], "RS256", threads, rate("SHA256withRSA", p[1], rsaKeys.getPrivate(), threads, seconds));
                row(p[0], "ES256", threads, rate("SHA256withECDSA", p[2], ecKeys.getPrivate(), threads, seconds));
            }
        }
    }

    /** Installs Amazon Corretto Crypto Provider if its jar is on the class path and it loads; its name or null. */
    private static String nativeProvider() {
        try {
            Class<?> type = Class.forName("com.amazon.corretto.crypto.provider.AmazonCorrettoCryptoProvider");
            Object instance = type.getField("INSTANCE").get(null);
            Method loadingError = type.getMethod("getLoadingError");
            Object error = loadingError.invoke(instance);
            if (error != null) {
                System.err.println("Amazon Corretto Crypto Provider does not load here: " + error);
                return null;
            }
            Security.addProvider((Provider) instance);
            return ((Provider) instance).getName();
        } catch (ClassNotFoundException e) {
            System.err.println("Amazon Corretto Crypto Provider is not on the class path: JDK providers only");
            return null;
        } catch (ReflectiveOperationException | LinkageError e) {
            System.err.println("Amazon Corretto Crypto Provider failed: " + e);
            return null;
        }
    }

    /** Signatures per second over {@code threads} threads, after a one-second warm-up. */
    private static double rate(String algorithm, String provider, PrivateKey key, int threads, double seconds) throws Exception {
        LongAdder count = new LongAdder();
        AtomicBoolean counting = new AtomicBoolean();
        AtomicBoolean stop = new AtomicBoolean();
        List<Thread> workers = new ArrayList<>();
        for (int i = 0; i < threads; i++) {
            Signature signature = Signature.getInstance(algorithm, provider);
            Thread t = new Thread(() -> {
                try {
                    while (!stop.get()) {
                        signature.initSign(key);
                        signature.update(SIGNING_INPUT);
                        signature.sign();
                        if (counting.get()) {
                            count.increment();
                        }
                    }
                } catch (Exception e) {
                    throw new IllegalStateException(e);
                }
            });
            t.setDaemon(true);
            workers.add(t);
            t.start();
        }
        Thread.sleep(1000);
        counting.set(true);
        long start = System.nanoTime();
        Thread.sleep((long) (seconds * 1000));
        long signed = count.sum();
        double elapsed = (System.nanoTime() - start) / 1e9;
        stop.set(true);
        for (Thread t : workers) {
            t.join(5000);
        }
        return signed / elapsed;
    }

    private static void row(String provider, String alg, int threads, double perSecond) {
        System.out.printf("| %s | %s | %d | %,.0f | %,.0f |%n", provider, alg, threads, perSecond, perSecond / threads);
    }
}
