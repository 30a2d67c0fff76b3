package io.gatehouse.authorize;

import io.gatehouse.model.entity.ClientEntity;
import io.quarkus.qute.Location;
import io.quarkus.qute.Template;
import io.quarkus.qute.TemplateInstance;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.core.Response;
import java.util.List;

/** The device verification pages (RFC 8628 3.3), with the headers of every page ({@link Pages}). */
@ApplicationScoped
public class DevicePages {

    @Inject
    @Location("device.html")
    Template entry;
    @Inject
    @Location("device_consent.html")
    Template consent;
    @Inject
    @Location("device_result.html")
    Template result;

    /** The user code form; {@code userCode} prefills it, {@code error} explains why it is shown again. */
    public Response entryPage(PageTexts t, String userCode, String csrf, String error, int status) {
        String html = entry.data("t", t.all()).data("lang", t.language()).data("userCode", userCode == null ? "" : userCode)
                .data("csrf", csrf).data("error", error).render();
        return Pages.html(html, status, Pages.CSP).build();
    }

    /** The client, its scopes in plain words and the user code, with Approve and Deny. */
    public Response consentPage(PageTexts t, ClientEntity client, String username, List<String> scopes, String userCode,
                                String requestId, String csrf) {
        TemplateInstance page = Pages.withClient(consent.data("t", t.all()).data("lang", t.language()), client)
                .data("username", username).data("scopes", scopes.stream().map(t::scope).toList()).data("userCode", userCode)
                .data("requestId", requestId).data("csrf", csrf);
        return Pages.html(page.render(), 200, Pages.CSP).build();
    }

    /** The end of the verification: connected, denied, or a code that can no longer be answered. */
    public Response resultPage(PageTexts t, String titleKey, String messageKey, boolean failed, int status) {
        String html = result.data("t", t.all()).data("lang", t.language()).data("title", t.get(titleKey))
                .data("message", t.get(messageKey)).data("failed", failed).render();
        return Pages.html(html, status, Pages.CSP).build();
    }
}
