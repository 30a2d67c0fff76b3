package io.gatehouse.token;

import io.gatehouse.model.crypto.Sha256;
import io.gatehouse.model.entity.DeviceCodeEntity;
import io.gatehouse.model.entity.GrantEntity;
import io.gatehouse.model.entity.SessionEntity;
import io.gatehouse.model.repository.DeviceCodeRepository;
import io.gatehouse.model.repository.GrantRepository;
import io.gatehouse.model.repository.SessionRepository;
import io.quarkus.narayana.jta.QuarkusTransaction;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Instant;
import java.util.ArrayList;
import java.util.UUID;
import java.util.function.Consumer;

/** Device codes in the states authorize-service puts them in (approved, denied), for the device grant tests. */
@ApplicationScoped
public class DeviceFixtures {

    @Inject
    DeviceCodeRepository devices;
    @Inject
    GrantRepository grants;
    @Inject
    SessionRepository sessions;

    public DeviceCodeEntity row(String deviceCode) {
        return QuarkusTransaction.requiringNew().call(() -> devices.findById(Sha256.hash(deviceCode)));
    }

    public void change(String deviceCode, Consumer<DeviceCodeEntity> change) {
        QuarkusTransaction.requiringNew().run(() -> change.accept(devices.findById(Sha256.hash(deviceCode))));
    }

    /** What authorize-service writes when the user approves in session {@code sid}: the grant and the code's fields. */
    public UUID approve(String deviceCode, String sid) {
        return QuarkusTransaction.requiringNew().call(() -> {
            DeviceCodeEntity d = devices.findById(Sha256.hash(deviceCode));
            SessionEntity s = sessions.findById(sid);
            GrantEntity g = new GrantEntity();
            g.id = UUID.randomUUID();
            g.userId = s.userId;
            g.clientId = d.clientId;
            g.scope = d.scope;
            g.sid = sid;
            g.authTime = s.authTime;
            grants.persist(g);
            d.status = DeviceCodeEntity.APPROVED;
            d.userId = s.userId;
            d.grantId = g.id;
            d.authTime = s.authTime;
            d.acr = s.acr;
            d.amr = new ArrayList<>(s.amr);
            d.sid = sid;
            return g.id;
        });
    }

    public void deny(String deviceCode) {
        change(deviceCode, d -> d.status = DeviceCodeEntity.DENIED);
    }

    public void expire(String deviceCode) {
        change(deviceCode, d -> d.expiresAt = Instant.now().minusSeconds(1));
    }
}
