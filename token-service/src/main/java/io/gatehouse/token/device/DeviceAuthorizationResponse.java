package io.gatehouse.token.device;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * A device authorization response (RFC 8628 3.2).
 *
 * @param deviceCode              the device verification code, given only to the device
 * @param userCode                the end-user verification code as shown ({@code XXXX-XXXX})
 * @param verificationUri         where the user enters the code
 * @param verificationUriComplete the same page with the code filled in (for a QR code or a link)
 */
public record DeviceAuthorizationResponse(String deviceCode, String userCode, String verificationUri,
                                          String verificationUriComplete, long expiresIn, long interval) {

    public Map<String, Object> toJson() {
        Map<String, Object> json = new LinkedHashMap<>();
        json.put("device_code", deviceCode);
        json.put("user_code", userCode);
        json.put("verification_uri", verificationUri);
        json.put("verification_uri_complete", verificationUriComplete);
        json.put("expires_in", expiresIn);
        json.put("interval", interval);
        return json;
    }
}
