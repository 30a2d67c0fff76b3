package io.gatehouse.model.subject;

import io.smallrye.config.ConfigMapping;
import java.util.Optional;

/** Subject identifiers (OIDC Core 8). */
@ConfigMapping(prefix = "gatehouse.subject")
public interface SubjectConfig {

    /**
     * The per-deployment secret salt of pairwise subject identifiers (OIDC Core 8.1), the same for every service
     * ({@code GATEHOUSE_SUBJECT_PAIRWISE_SALT}; e.g. {@code openssl rand -base64 32}). Default: derived from the
     * key-encryption key (so the development key in development mode and tests, the deployment's own key in
     * production). Set it explicitly before ever changing the key-encryption key: a different salt gives every
     * pairwise client different subjects.
     */
    Optional<String> pairwiseSalt();
}
