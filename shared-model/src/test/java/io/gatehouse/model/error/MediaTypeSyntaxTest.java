package io.gatehouse.model.error;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;

class MediaTypeSyntaxTest {

    @Test
    void wellFormedMediaTypesPass() {
        for (String ok : List.of("application/x-www-form-urlencoded", "application/json; charset=UTF-8",
                "application/x-www-form-urlencoded;charset=utf-8", "text/plain ; charset=\"utf-8\"", "a/b;;c=d;",
                "application/jwt; q=\"a\\\"b\"", "application/x-www-form-urlencoded; charset=no-such-charset")) {
            assertTrue(MediaTypeSyntax.isValid(ok), ok);
        }
    }

    @Test
    void malformedMediaTypesFail() {
        for (String bad : List.of("", "application", "application/", "/json", "application/x-www-form-urlencoded;;;==",
                "application/x-www-form-urlencoded;charset=", "application/x-www-form-urlencoded;=",
                "application/x-www-form-urlencoded; charset=\"unterminated", "application/x-www-form-urlencoded/x;",
                ";charset=utf-8", "text/plain; charset", "text/plain; a=b c", "text/plain; a=\"b\\")) {
            assertFalse(MediaTypeSyntax.isValid(bad), bad);
        }
    }
}
