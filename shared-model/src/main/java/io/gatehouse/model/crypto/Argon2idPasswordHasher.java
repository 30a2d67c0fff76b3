package io.gatehouse.model.crypto;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.Base64;
import org.bouncycastle.crypto.generators.Argon2BytesGenerator;
import org.bouncycastle.crypto.params.Argon2Parameters;

/**
 * Argon2id (RFC 9106) at the OWASP Password Storage Cheat Sheet's first recommendation:
 * m = 19 MiB, t = 2, p = 1, 16-byte salt, 32-byte tag. Encoded as
 * {@code $argon2id$v=19$m=19456,t=2,p=1$<salt>$<hash>} (PHC string format, base64 without padding).
 */
public final class Argon2idPasswordHasher implements PasswordHasher {

    public static final int MEMORY_KIB = 19 * 1024;
    public static final int ITERATIONS = 2;
    public static final int PARALLELISM = 1;
    private static final int SALT_BYTES = 16;
    private static final int HASH_BYTES = 32;
    private static final Base64.Encoder B64 = Base64.getEncoder().withoutPadding();
    private static final Base64.Decoder B64D = Base64.getDecoder();

    private final int memoryKib;
    private final int iterations;
    private final int parallelism;

    public Argon2idPasswordHasher() {
        this(MEMORY_KIB, ITERATIONS, PARALLELISM);
    }

    public Argon2idPasswordHasher(int memoryKib, int iterations, int parallelism) {
        this.memoryKib = memoryKib;
        this.iterations = iterations;
        this.parallelism = parallelism;
    }

    @Override
    public String hash(char[] password) {
        byte[] salt = RandomTokens.raw(SALT_BYTES);
        byte[] tag = derive(password, salt, memoryKib, iterations, parallelism, HASH_BYTES);
        return "$argon2id$v=19$m=" + memoryKib + ",t=" + iterations + ",p=" + parallelism
                + "$" + B64.encodeToString(salt) + "$" + B64.encodeToString(tag);
    }

    @Override
    public boolean verify(char[] password, String encoded) {
        Phc phc = Phc.parse(encoded);
        if (phc == null) {
            return false;
        }
        byte[] actual = derive(password, phc.salt, phc.m, phc.t, phc.p, phc.hash.length);
        return MessageDigest.isEqual(actual, phc.hash);
    }

    @Override
    public boolean needsRehash(String encoded) {
        Phc phc = Phc.parse(encoded);
        return phc == null || phc.m < memoryKib || phc.t < iterations || phc.p < parallelism;
    }

    private static byte[] derive(char[] password, byte[] salt, int m, int t, int p, int length) {
        Argon2Parameters params = new Argon2Parameters.Builder(Argon2Parameters.ARGON2_id)
                .withVersion(Argon2Parameters.ARGON2_VERSION_13)
                .withMemoryAsKB(m).withIterations(t).withParallelism(p).withSalt(salt).build();
        Argon2BytesGenerator generator = new Argon2BytesGenerator();
        generator.init(params);
        byte[] out = new byte[length];
        generator.generateBytes(new String(password).getBytes(StandardCharsets.UTF_8), out);
        return out;
    }

    /** The parts of a PHC string; null from {@link #parse} when the string is not Argon2id. */
    private record Phc(int m, int t, int p, byte[] salt, byte[] hash) {
        static Phc parse(String encoded) {
            if (encoded == null || !encoded.startsWith("$argon2id$")) {
                return null;
            }
            String[] parts = encoded.split("\\$");
            // ["", "argon2id", "v=19", "m=..,t=..,p=..", salt, hash]
            if (parts.length != 6 || !"v=19".equals(parts[2])) {
                return null;
            }
            try {
                int m = 0, t = 0, p = 0;
                for (String kv : parts[3].split(",")) {
                    String[] pair = kv.split("=", 2);
                    int v = Integer.parseInt(pair[1]);
                    switch (pair[0]) {
                        case "m" -> m = v;
                        case "t" -> t = v;
                        case "p" -> p = v;
                        default -> { return null; }
                    }
                }
                if (m <= 0 || t <= 0 || p <= 0 || m > 1 << 21 || t > 100 || p > 16) {
                    return null;
                }
                return new Phc(m, t, p, B64D.decode(parts[4]), B64D.decode(parts[5]));
            } catch (RuntimeException e) {
                return null;
            }
        }
    }
}
