package io.gatehouse.model.keys;

import io.gatehouse.model.jose.KeyAlgorithm;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * Which key transitions are due (pure). Per algorithm (a signing algorithm, or an encryption key type):
 * <ul>
 *   <li>no active key: the oldest next key is activated, or a new active key is created;</li>
 *   <li>{@code publishAhead} before the active key's lifetime ends, a next key is created (published, not signing);</li>
 *   <li>once the lifetime has ended and the next key has been published for {@code publishAhead}, the active key
 *       is retired and the next one activated, in that order (one active key per algorithm);</li>
 * </ul>
 * and every retired or revoked key past its {@code delete_after} is deleted.
 */
public final class RotationSchedule {

    private RotationSchedule() {
    }

    /**
     * @param algorithms the algorithms that must have an active key; algorithms with an active key are rotated too
     */
    public static List<KeyTransition> due(Collection<KeyRecord> keys, Collection<? extends KeyAlgorithm> algorithms,
                                          RotationPolicy policy, Instant now) {
        Set<KeyAlgorithm> rotated = new LinkedHashSet<>();
        rotated.addAll(algorithms);
        keys.stream().filter(k -> k.state() == KeyState.ACTIVE).forEach(k -> rotated.add(k.alg()));
        List<KeyTransition> due = new ArrayList<>();
        for (KeyAlgorithm alg : rotated) {
            due.addAll(dueFor(alg, keys, policy, now));
        }
        keys.stream()
                .filter(k -> (k.state() == KeyState.RETIRED || k.state() == KeyState.REVOKED)
                        && k.deleteAfter() != null && !k.deleteAfter().isAfter(now))
                .sorted(Comparator.comparing(KeyRecord::kid))
                .forEach(k -> due.add(new KeyTransition.Delete(k.kid(), k.alg())));
        return due;
    }

    private static List<KeyTransition> dueFor(KeyAlgorithm alg, Collection<KeyRecord> keys, RotationPolicy policy,
                                              Instant now) {
        Optional<KeyRecord> active = keys.stream().filter(k -> k.alg() == alg && k.state() == KeyState.ACTIVE).findFirst();
        List<KeyRecord> next = keys.stream().filter(k -> k.alg() == alg && k.state() == KeyState.NEXT)
                .sorted(Comparator.comparing(KeyRecord::createdAt)).toList();
        if (active.isEmpty()) {
            return List.of(next.isEmpty() ? new KeyTransition.Create(alg, KeyState.ACTIVE)
                    : new KeyTransition.Activate(next.get(0).kid(), alg));
        }
        Instant lifetimeEnds = active.get().signingSince().plus(policy.activeLifetime());
        if (!now.isBefore(lifetimeEnds)) {
            Optional<KeyRecord> ready = next.stream()
                    .filter(n -> !n.createdAt().plus(policy.publishAhead()).isAfter(now)).findFirst();
            if (ready.isPresent()) {
                return List.of(new KeyTransition.Retire(active.get().kid(), alg), new KeyTransition.Activate(ready.get().kid(), alg));
            }
        }
        if (next.isEmpty() && !now.isBefore(lifetimeEnds.minus(policy.publishAhead()))) {
            return List.of(new KeyTransition.Create(alg, KeyState.NEXT));
        }
        return List.of();
    }
}
