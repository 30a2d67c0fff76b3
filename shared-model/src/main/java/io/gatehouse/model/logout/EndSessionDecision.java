package io.gatehouse.model.logout;

/**
 * What the end-session endpoint does with a request.
 *
 * @param clientId              the relying party identified by the hint or client_id, or null
 * @param sub                   the user of a valid id_token_hint, or null
 * @param sid                   the session named by a valid id_token_hint, or null
 * @param redirectUri           where to send the browser after logout; null means show the logged-out page
 * @param state                 echoed on the redirect exactly when it was sent
 * @param confirmationRequired  no valid id_token_hint: ask the user before logging out (no silent cross-site logout)
 * @param error                 why a hint or redirect was refused (shown on the page, never redirected), or null
 */
public record EndSessionDecision(String clientId, String sub, String sid, String redirectUri, String state,
                                 boolean confirmationRequired, String error) {
}
