package io.gatehouse.model.user.ldap;

import com.unboundid.ldap.sdk.Attribute;
import com.unboundid.ldap.sdk.Entry;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.UUID;

/**
 * Directory attributes as claim-mapping input (pure): one value as a string, several as a list (the mapping takes
 * the first, or all for {@code json}). GUIDs (objectGUID) become their string form, SIDs (objectSid) {@code S-1-...},
 * PostalAddress syntax (RFC 4517 3.3.28: lines separated by {@code $}) lines joined by newlines as OIDC Core 5.1.1
 * wants for {@code address.formatted}, and other values that are not UTF-8 text base64.
 */
public final class LdapAttributes {

    /** Attributes of PostalAddress syntax (RFC 4519, RFC 2798). */
    static final Set<String> POSTAL_ADDRESS = names("postalAddress", "homePostalAddress", "registeredAddress");
    /** Binary attributes whose value is a GUID (Active Directory, mixed-endian). */
    static final Set<String> GUID = names("objectGUID", "msExchMailboxGuid");
    /** Binary attributes whose value is a security identifier (MS-DTYP 2.4.2). */
    static final Set<String> SID = names("objectSid");
    /** Attributes always read as bytes (base64 in claims), even when they happen to decode as UTF-8. */
    static final Set<String> BINARY = names("jpegPhoto", "thumbnailPhoto", "userCertificate", "photo", "audio");

    private LdapAttributes() {
    }

    private static Set<String> names(String... names) {
        Set<String> s = new TreeSet<>(String.CASE_INSENSITIVE_ORDER);
        s.addAll(List.of(names));
        return s;
    }

    /** The attributes of {@code entry} named in {@code wanted} (case-insensitive), under the names asked for. */
    public static Map<String, Object> read(Entry entry, Collection<String> wanted) {
        Map<String, Object> out = new LinkedHashMap<>();
        for (String name : wanted) {
            Attribute a = entry.getAttribute(name);
            if (a == null || !a.hasValue()) {
                continue;
            }
            List<String> values = new ArrayList<>();
            for (byte[] raw : a.getValueByteArrays()) {
                String v = value(name, raw);
                if (v != null && !v.isEmpty()) {
                    values.add(v);
                }
            }
            if (!values.isEmpty()) {
                out.put(name, values.size() == 1 ? values.get(0) : List.copyOf(values));
            }
        }
        return out;
    }

    static String value(String attribute, byte[] raw) {
        String base = attribute.split(";", 2)[0];
        if (GUID.contains(base) && raw.length == 16) {
            return guid(raw).toString();
        }
        if (SID.contains(base)) {
            String sid = sid(raw);
            if (sid != null) {
                return sid;
            }
        }
        if (BINARY.contains(base) || attribute.toLowerCase(Locale.ROOT).endsWith(";binary")) {
            return Base64.getEncoder().encodeToString(raw);
        }
        String text = utf8(raw);
        if (text == null) {
            return Base64.getEncoder().encodeToString(raw);
        }
        return POSTAL_ADDRESS.contains(base) ? postalAddress(text) : text;
    }

    /** RFC 4517 3.3.28: lines separated by {@code $}; {@code \24} is a {@code $}, {@code \5C} a backslash. */
    static String postalAddress(String value) {
        List<String> lines = new ArrayList<>();
        for (String line : value.split("\\$", -1)) {
            lines.add(line.replace("\\24", "$").replace("\\5C", "\\").replace("\\5c", "\\").trim());
        }
        return String.join("\n", lines).strip();
    }

    /** Active Directory objectGUID: the first three fields little-endian (MS-DTYP 2.3.4.2). */
    public static UUID guid(byte[] b) {
        long msb = ((long) (b[3] & 0xff) << 56) | ((long) (b[2] & 0xff) << 48) | ((long) (b[1] & 0xff) << 40)
                | ((long) (b[0] & 0xff) << 32) | ((long) (b[5] & 0xff) << 24) | ((long) (b[4] & 0xff) << 16)
                | ((long) (b[7] & 0xff) << 8) | (b[6] & 0xff);
        long lsb = ByteBuffer.wrap(b, 8, 8).getLong();
        return new UUID(msb, lsb);
    }

    /** MS-DTYP 2.4.2.2: revision, sub-authority count, 48-bit big-endian authority, 32-bit little-endian sub-authorities. */
    static String sid(byte[] b) {
        if (b.length < 8 || b.length != 8 + 4 * (b[1] & 0xff)) {
            return null;
        }
        long authority = 0;
        for (int i = 2; i < 8; i++) {
            authority = (authority << 8) | (b[i] & 0xff);
        }
        StringBuilder s = new StringBuilder("S-").append(b[0] & 0xff).append('-').append(authority);
        for (int i = 0; i < (b[1] & 0xff); i++) {
            int o = 8 + 4 * i;
            long sub = (b[o] & 0xffL) | (b[o + 1] & 0xffL) << 8 | (b[o + 2] & 0xffL) << 16 | (b[o + 3] & 0xffL) << 24;
            s.append('-').append(sub);
        }
        return s.toString();
    }

    private static String utf8(byte[] raw) {
        try {
            String s = StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT).decode(ByteBuffer.wrap(raw)).toString();
            for (int i = 0; i < s.length(); i++) {
                char c = s.charAt(i);
                if (c < 0x20 && c != '\n' && c != '\r' && c != '\t') {
                    return null;
                }
            }
            return s;
        } catch (CharacterCodingException e) {
            return null;
        }
    }

    /**
     * The subject of an entry: the value of {@code subjectAttribute} as a UUID, which is the user's id and {@code sub}.
     * A UUID-valued attribute (entryUUID, RFC 4530; objectGUID; nsUniqueId, ipaUniqueID) is taken as is; any other
     * stable value (employeeNumber, uid) becomes the name-based UUID of {@code ldap:<value>}. Null when absent.
     */
    public static UUID subject(Entry entry, String subjectAttribute) {
        Attribute a = entry.getAttribute(subjectAttribute);
        if (a == null || !a.hasValue() || a.size() != 1) {
            return null;
        }
        byte[] raw = a.getValueByteArray();
        if (GUID.contains(subjectAttribute) || (raw.length == 16 && utf8(raw) == null)) {
            return raw.length == 16 ? guid(raw) : null;
        }
        String text = utf8(raw);
        if (text == null || text.isBlank()) {
            return null;
        }
        String s = text.trim();
        try {
            if (s.length() == 36) {
                return UUID.fromString(s);
            }
            if (s.matches("[0-9a-fA-F]{8}-[0-9a-fA-F]{8}-[0-9a-fA-F]{8}-[0-9a-fA-F]{8}")) { // nsUniqueId (389 DS)
                String hex = s.replace("-", "");
                return UUID.fromString(hex.replaceFirst("(.{8})(.{4})(.{4})(.{4})(.{12})", "$1-$2-$3-$4-$5"));
            }
        } catch (IllegalArgumentException e) {
            // not a UUID: name-based below
        }
        return UUID.nameUUIDFromBytes(("ldap:" + s).getBytes(StandardCharsets.UTF_8));
    }
}
