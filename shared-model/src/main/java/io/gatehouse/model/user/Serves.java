package io.gatehouse.model.user;

import jakarta.enterprise.util.AnnotationLiteral;
import jakarta.inject.Qualifier;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Marks a {@link UserStore} implementation with the {@code gatehouse.users.store} value it serves, so that
 * {@link UserStores} picks it without knowing the implementation's package.
 */
@Qualifier
@Retention(RetentionPolicy.RUNTIME)
@Target({ElementType.TYPE, ElementType.FIELD, ElementType.PARAMETER, ElementType.METHOD})
public @interface Serves {

    UsersConfig.Store value();

    /** The qualifier as a value, for {@code Instance.select}. */
    final class Literal extends AnnotationLiteral<Serves> implements Serves {
        private final UsersConfig.Store value;

        public Literal(UsersConfig.Store value) {
            this.value = value;
        }

        @Override
        public UsersConfig.Store value() {
            return value;
        }
    }
}
