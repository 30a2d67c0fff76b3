package io.gatehouse.model.subject;

import io.gatehouse.model.entity.ClientEntity;
import io.gatehouse.model.error.OAuthError;
import io.gatehouse.model.keys.KeyEncryption;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

/**
 * The one place a client's view of a user's {@code sub} is made (OIDC Core 8): the local subject for public
 * clients, a {@link PairwiseSubject} for clients registered with {@code subject_type: pairwise}. The local subject is
 * whatever the user store calls the user (the PostgreSQL user id, an LDAP entry's id), so every store composes.
 * ID tokens, access tokens, userinfo, introspection, logout tokens and id_token_hint checks all come through here.
 */
@ApplicationScoped
public class SubjectIdentifiers {

    static final String SALT_LABEL = "gatehouse pairwise subject salt";

    private final byte[] salt;

    @Inject
    public SubjectIdentifiers(SubjectConfig config, KeyEncryption keys) {
        this(config.pairwiseSalt().filter(s -> !s.isBlank()).map(s -> s.getBytes(StandardCharsets.UTF_8))
                .orElseGet(() -> keys.derive(SALT_LABEL)));
    }

    SubjectIdentifiers(byte[] salt) {
        this.salt = salt.clone();
    }

    /** Whether the client registered {@code subject_type: pairwise}. */
    public static boolean isPairwise(ClientEntity client) {
        return client != null && client.metadata != null && PairwiseSubject.PAIRWISE.equals(client.metadata.get("subject_type"));
    }

    /** The sector identifier of a pairwise client (OIDC Core 8.1), from its registered metadata. */
    public static Optional<String> sector(ClientEntity client) {
        Map<String, Object> m = client.metadata == null ? Map.of() : client.metadata;
        String sectorUri = m.get("sector_identifier_uri") instanceof String s ? s : null;
        List<String> redirectUris = client.redirectUris == null ? List.of() : client.redirectUris;
        return PairwiseSubject.sectorIdentifier(sectorUri, redirectUris);
    }

    /** The {@code sub} that {@code client} sees for the user whose local subject is {@code localSubject}. */
    public String subjectFor(ClientEntity client, String localSubject) {
        if (!isPairwise(client)) {
            return localSubject;
        }
        String sector = sector(client).orElseThrow(() -> OAuthError.serverError(
                "the client is registered for pairwise subjects but has no sector identifier").toException());
        return PairwiseSubject.compute(sector, localSubject, salt);
    }

    public String subjectFor(ClientEntity client, UUID userId) {
        return subjectFor(client, userId.toString());
    }

    /**
     * Maps a {@code sub} the client {@code client} presented back (an id_token_hint, a requested sub claim): the
     * candidate's local subject when {@code presented} is what that client sees for it, else {@code presented}
     * unchanged (which then names nobody known, or a public subject).
     */
    public String toLocal(ClientEntity client, String presented, String candidateLocalSubject) {
        if (presented == null || candidateLocalSubject == null || !isPairwise(client)) {
            return presented;
        }
        return subjectFor(client, candidateLocalSubject).equals(presented) ? candidateLocalSubject : presented;
    }
}
